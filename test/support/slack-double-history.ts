import { fail, type MethodHandler, messageJson, normalizeChannel, str } from './slack-double-methods.js';

// Slack's documented bounds of `limit`: default 100, at most 999.
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 999;

/**
 * `conversations.history` as Slack answers it: a channel's messages newest first, thread replies left out, between
 * `oldest` and `latest` (exclusive), at most `limit`; message metadata only with `include_all_metadata`.
 */
export const HISTORY_HANDLERS: Record<string, MethodHandler> = {
  'conversations.history': (args, state) => {
    const channel = normalizeChannel(str(args, 'channel') ?? '');
    if (channel.startsWith('CMISSING') || !state.channels.has(channel)) {
      // An open DM or a known channel with nothing posted yet is an empty history, not an error.
      if (!state.openedConversations.has(channel) && !channel.startsWith('C'))
        return fail('channel_not_found');
    }
    const oldest = Number(str(args, 'oldest') ?? '0');
    const latest = Number(str(args, 'latest') ?? `${Number.MAX_SAFE_INTEGER}`);
    const limit = Math.min(Math.max(Number(str(args, 'limit') ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const withMetadata = str(args, 'include_all_metadata') === 'true';
    const inRange = (state.channels.get(channel) ?? [])
      .filter((message) => message.thread_ts === undefined || message.thread_ts === message.ts)
      .filter((message) => Number(message.ts) > oldest && Number(message.ts) < latest)
      .reverse();
    const messages = inRange.slice(0, limit).map((message) => {
      const json = messageJson(message);
      if (!withMetadata) delete json.metadata;
      return json;
    });
    return {
      ok: true,
      messages,
      has_more: inRange.length > limit,
      pin_count: 0,
      response_metadata: { next_cursor: '' },
    };
  },
};
