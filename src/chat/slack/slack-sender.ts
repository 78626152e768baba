import type { webApi } from '@slack/bolt';
import { DeliveryRefusedError } from '../../core/errors.js';
import { toPlainText } from '../../core/message.js';
import type { ChatSender, Directory, IdentityCache } from '../../core/ports.js';
import { singleFlight } from '../../core/single-flight.js';
import { mapSlackError } from './slack-errors.js';
import { renderSlack } from './slack-render.js';

/** Runs a Web API call, translating its failure into the core's errors (429, permanent refusal, network). */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapSlackError(error);
  }
}

/** The outbox's hands on Slack: DMs opened once and cached, messages split to Block Kit limits, files uploaded. */
export function createSlackSender(
  client: webApi.WebClient,
  directory: Directory,
  cache: IdentityCache,
): ChatSender {
  const opening = singleFlight<string>();

  async function openDm(email: string): Promise<string> {
    const userId = await directory.userIdOf(email);
    if (!userId) throw new DeliveryRefusedError('user_not_found');
    const user = { platform: 'slack' as const, id: userId };
    const cached = await cache.dmOf(user);
    if (cached) return cached;
    // conversations.open is Tier 3: opened once per person, then cached.
    const opened = await call(() => client.conversations.open({ users: userId }));
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    await cache.rememberDm(user, id);
    return id;
  }

  return {
    platform: 'slack',
    async conversation(to) {
      return to.kind === 'channel' ? to.channel : opening(to.email, () => openDm(to.email));
    },
    async post(channel, message, { file, threadId, posted, onPart } = {}) {
      if (file) {
        await call(() =>
          client.filesUploadV2({
            channel_id: channel,
            filename: file.name,
            title: file.name,
            content: file.content,
            initial_comment: toPlainText(message.fallback),
          }),
        );
        return `file:${file.name}`;
      }
      let first: string | undefined;
      for (const [index, payload] of renderSlack(message).entries()) {
        const earlier = posted?.get(index);
        if (earlier !== undefined) {
          first ??= earlier;
          continue;
        }
        const sent = await call(() =>
          client.chat.postMessage({ channel, ...payload, ...(threadId ? { thread_ts: threadId } : {}) }),
        );
        first ??= sent.ts;
        if (sent.ts) await onPart?.(index, sent.ts);
      }
      return first ?? '';
    },
  };
}
