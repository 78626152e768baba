import type { webApi } from '@slack/bolt';
import { cachedDirectory } from '../../core/cached-directory.js';
import type { Directory, IdentityCache } from '../../core/ports.js';
import { mapSlackError, slackErrorCode } from './slack-errors.js';

const NOT_FOUND = new Set(['users_not_found', 'user_not_found']);

/** Undefined for an account Slack does not know, the mapped API error otherwise. */
async function missing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (NOT_FOUND.has(slackErrorCode(error) ?? '')) return undefined;
    throw mapSlackError(error);
  }
}

/**
 * Why an e-mail has no Slack account to write to, for a delivery report: a deactivated account (`user_disabled`)
 * or nobody (`user_not_found`). Asked only after a delivery found no one, so not cached.
 */
export async function unreachableReason(client: webApi.WebClient, email: string): Promise<string> {
  const found = await missing(client.users.lookupByEmail({ email }));
  return found?.user?.deleted ? 'user_disabled' : 'user_not_found';
}

/** People by e-mail on Slack (`users.lookupByEmail`, `users.info`), each answer cached so Slack is asked once. */
export function createSlackDirectory(client: webApi.WebClient, cache: IdentityCache): Directory {
  return cachedDirectory(
    'slack',
    {
      async emailOf(userId) {
        return (await missing(client.users.info({ user: userId })))?.user?.profile?.email || undefined;
      },
      async userIdOf(email) {
        const found = await missing(client.users.lookupByEmail({ email }));
        return found?.user?.deleted ? undefined : found?.user?.id;
      },
    },
    cache,
  );
}
