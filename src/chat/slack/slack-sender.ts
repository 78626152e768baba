import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { DeliveryRefusedError } from '../../core/errors.js';
import {
  type ChatSender,
  DELIVERY_TAG,
  type Directory,
  FIND_POSTED_WINDOW_MS,
  type IdentityCache,
  type Logger,
} from '../../core/ports.js';
import { singleFlight } from '../../core/single-flight.js';
import { unreachableReason } from './slack-directory.js';
import { mapSlackError, slackErrorCode } from './slack-errors.js';
import { renderSlack, SLACK_LIMITS } from './slack-render.js';
import { splitMrkdwn } from './slack-split.js';

/** Messages read back when looking for an ambiguous post: two minutes of a conversation fit in one page. */
const HISTORY_PAGE = 200;
// Lenient: other apps' metadata (and ours from older versions) is simply not a match.
const TaggedSchema = z.object({
  event_type: z.literal(DELIVERY_TAG),
  event_payload: z.object({ delivery: z.string(), part: z.number().int().nonnegative() }),
});

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
  log: Logger,
): ChatSender {
  const opening = singleFlight<string>();

  /**
   * Joins a public channel the bot posts in without being a member (`chat:write.public`), so that it may read its
   * history: Slack answers `not_in_channel` to a non-member. False when Slack refuses the join (a private channel,
   * an archived one, an install without `channels:join`): the lookup then counts as "not found".
   */
  async function joinToRead(channel: string): Promise<boolean> {
    try {
      await client.conversations.join({ channel });
      return true;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === undefined) throw mapSlackError(error);
      log.warn(
        { channel, reason: code },
        'slack channel not joined: an ambiguous post there is posted again',
      );
      return false;
    }
  }

  async function openDm(email: string): Promise<string> {
    const userId = await directory.userIdOf(email);
    if (!userId) throw new DeliveryRefusedError(await unreachableReason(client, email));
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

  async function deleteLeftover(channel: string, ts: string) {
    // A part already removed by an earlier attempt is what we wanted.
    await call(() => client.chat.delete({ channel, ts })).catch((error: unknown) => {
      if (!(error instanceof DeliveryRefusedError && error.reason === 'message_not_found')) throw error;
    });
  }

  /** A group DM of several people (`conversations.open` with their ids): Slack gives the same one back each time. */
  async function openGroup(emails: readonly string[]): Promise<string> {
    const ids = await Promise.all(emails.map((email) => directory.userIdOf(email)));
    const missingAt = ids.findIndex((id) => !id);
    if (missingAt >= 0)
      throw new DeliveryRefusedError(await unreachableReason(client, emails[missingAt] ?? ''));
    const opened = await call(() => client.conversations.open({ users: ids.join(',') }));
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }

  return {
    platform: 'slack',
    async conversation(to) {
      if (to.kind === 'channel') return to.channel;
      if (to.kind === 'group') return openGroup(to.emails);
      return opening(to.email, () => openDm(to.email));
    },
    async post(channel, message, { file, threadId, posted, onPart, beforePart, tag } = {}) {
      if (file) {
        await beforePart?.(0);
        await call(() =>
          client.filesUploadV2({
            channel_id: channel,
            filename: file.name,
            title: file.name,
            content: file.content,
            // Escaped like every text the bot posts: `<!channel>` typed somewhere stays text.
            initial_comment: splitMrkdwn(message.fallback, SLACK_LIMITS.fallbackText)[0] ?? '',
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
        await beforePart?.(index);
        const sent = await call(() =>
          client.chat.postMessage({
            channel,
            ...payload,
            ...(threadId ? { thread_ts: threadId } : {}),
            ...(tag
              ? { metadata: { event_type: DELIVERY_TAG, event_payload: { delivery: tag, part: index } } }
              : {}),
          }),
        );
        first ??= sent.ts;
        if (sent.ts) await onPart?.(index, sent.ts);
      }
      return first ?? '';
    },
    async update(channel, messageIds, message) {
      const payloads = renderSlack(message);
      // A message cannot grow new parts in place: they would land after everything posted since.
      if (payloads.length > messageIds.length) throw new DeliveryRefusedError('edit_needs_more_parts');
      for (const [index, ts] of messageIds.entries()) {
        const payload = payloads[index];
        if (payload) await call(() => client.chat.update({ channel, ts, ...payload }));
        else await deleteLeftover(channel, ts);
      }
      return payloads.length;
    },
    async findPosted(channel, tag, around) {
      const seconds = (ms: number) => (ms / 1000).toFixed(6);
      const found = new Map<number, string>();
      const read = () =>
        call(() =>
          client.conversations.history({
            channel,
            oldest: seconds(around.getTime() - FIND_POSTED_WINDOW_MS),
            latest: seconds(around.getTime() + FIND_POSTED_WINDOW_MS),
            include_all_metadata: true,
            limit: HISTORY_PAGE,
          }),
        );
      const history = await read().catch(async (error: unknown) => {
        if (!(error instanceof DeliveryRefusedError && error.reason === 'not_in_channel')) throw error;
        return (await joinToRead(channel)) ? read() : { messages: [] };
      });
      for (const message of history.messages ?? []) {
        const parsed = TaggedSchema.safeParse(message.metadata);
        if (parsed.success && parsed.data.event_payload.delivery === tag && message.ts)
          found.set(parsed.data.event_payload.part, message.ts);
      }
      return found;
    },
  };
}
