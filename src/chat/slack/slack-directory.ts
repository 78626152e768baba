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
