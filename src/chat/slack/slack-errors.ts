import { webApi } from '@slack/bolt';
import { DeliveryRefusedError, RateLimitedError, UnavailableError } from '../../core/errors.js';

/** Slack errors that retrying cannot fix: the outbox records them as the failure reason. */
const PERMANENT = new Set([
  'channel_not_found',
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'account_inactive',
  'not_in_channel',
  'is_archived',
  'cannot_dm_bot',
  'msg_too_long',
  'invalid_blocks',
  'no_text',
  // chat.update: the message was deleted, is not the bot's, or can no longer be edited.
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);

/** Maps a WebClient error to the core's: 429 → RateLimitedError, permanent refusals, network → Unavailable. */
export function mapSlackError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('code' in error)) return error;
  const coded = error as { code: string; retryAfter?: number; data?: { error?: string } };
  if (coded.code === webApi.ErrorCode.RateLimitedError)
    return new RateLimitedError((coded.retryAfter ?? 1) * 1000);
  if (coded.code === webApi.ErrorCode.PlatformError && PERMANENT.has(coded.data?.error ?? '')) {
    return new DeliveryRefusedError(coded.data?.error ?? 'unknown');
  }
  if (coded.code === webApi.ErrorCode.RequestError)
    return new UnavailableError('Slack unreachable', { cause: error });
  return error;
}

/** The Slack error code of a platform error (`users_not_found`, …), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
