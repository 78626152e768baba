import type { webApi } from '@slack/bolt';
import { DeliveryRefusedError } from '../../core/errors.js';
import { toPlainText } from '../../core/message.js';
import type { ChatSender, Directory, IdentityCache } from '../../core/ports.js';
import { mapSlackError } from './slack-errors.js';
import { renderSlack } from './slack-render.js';

/** The outbox's hands on Slack: DMs opened once and cached, messages split to Block Kit limits, files uploaded. */
export function createSlackSender(
  client: webApi.WebClient,
  directory: Directory,
  cache: IdentityCache,
): ChatSender {
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw mapSlackError(error);
    }
  };
  return {
    platform: 'slack',
    async conversation(to) {
      if (to.kind === 'channel') return to.channel;
      const userId = await directory.userIdOf(to.email);
      if (!userId) throw new DeliveryRefusedError('user_not_found');
      const user = { platform: 'slack' as const, id: userId };
      const cached = await cache.dmOf(user);
      if (cached) return cached;
      const opened = await call(() => client.conversations.open({ users: userId }));
      const id = opened.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      await cache.rememberDm(user, id);
      return id;
    },
    async post(channel, message, file) {
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
      for (const payload of renderSlack(message)) {
        const posted = await call(() => client.chat.postMessage({ channel, ...payload }));
        first ??= posted.ts;
      }
      return first ?? '';
    },
  };
}
