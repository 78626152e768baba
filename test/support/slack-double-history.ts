import { fail, type MethodHandler, messageJson, normalizeChannel, str } from './slack-double-methods.js';

// Slack's documented bounds of `limit`: default 100, at most 999.
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 999;

/**
 * `conversations.history` as Slack answers it: a channel's messages newest first, thread replies left out, between
 * `oldest` and `latest` (exclusive), at most `limit`; message metadata only with `include_all_metadata`. A channel
 * (`C…`) shows its history to members only: the bot may post in a public channel it never joined (scope
 * `chat:write.public`), yet reading it answers `not_in_channel` (slackapi/deno-slack-sdk issue 128, a bot with
 * `channels:history` and `chat:write.public`, and a maintainer: "a limitation / requirement of the channels:history
 * scope"; lyft/omnibot pull request 51 works around the same `not_in_channel`). `conversations.join` (scope
 * `channels:join`) makes the bot a member; DMs and group DMs it opened are its own.
 */
export const HISTORY_HANDLERS: Record<string, MethodHandler> = {
  'conversations.history': (args, state) => {
    const channel = normalizeChannel(str(args, 'channel') ?? '');
    if (channel.startsWith('CMISSING')) return fail('channel_not_found');
    if (channel.startsWith('C') && !state.joined.has(channel)) return fail('not_in_channel');
    // An open DM with nothing posted yet is an empty history, not an error.
    if (!state.channels.has(channel) && !state.openedConversations.has(channel) && !channel.startsWith('C'))
      return fail('channel_not_found');
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

/**
 * `conversations.join` as Slack answers it (docs.slack.dev/reference/methods/conversations.join; errors from
 * slackapi/slack-api-specs `web-api/slack_web_openapi_v2.json` @ bc08db49): a public channel is joined (a second
 * join answers ok with the warning `already_in_channel`); a DM or group DM cannot be joined
 * (`method_not_supported_for_channel_type`).
 */
export const JOIN_HANDLERS: Record<string, MethodHandler> = {
  'conversations.join': (args, state) => {
    const channel = str(args, 'channel') ?? '';
    if (channel.startsWith('CMISSING')) return fail('channel_not_found');
    if (!channel.startsWith('C')) return fail('method_not_supported_for_channel_type');
    const already = state.joined.has(channel);
    state.joined.add(channel);
    const joined = {
      ok: true,
      channel: { id: channel, is_channel: true, is_member: true, is_private: false },
    };
    return already
      ? { ...joined, warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
      : joined;
  },
};
