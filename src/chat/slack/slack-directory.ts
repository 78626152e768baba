import type { webApi } from '@slack/bolt';
import type { Directory, IdentityCache } from '../../core/ports.js';
import { normalizeEmail } from '../../core/roster/roster.js';
import { singleFlight } from '../../core/single-flight.js';
import { mapSlackError, slackErrorCode } from './slack-errors.js';

const NOT_FOUND = new Set(['users_not_found', 'user_not_found']);

/** People by e-mail on Slack (`users.lookupByEmail`, `users.info`), each answer cached so Slack is asked once. */
export function createSlackDirectory(client: webApi.WebClient, cache: IdentityCache): Directory {
  const missing = async <T>(call: Promise<T>): Promise<T | undefined> => {
    try {
      return await call;
    } catch (error) {
      if (NOT_FOUND.has(slackErrorCode(error) ?? '')) return undefined;
      throw mapSlackError(error);
    }
  };
  const byUser = singleFlight<string | undefined>();
  const byEmail = singleFlight<string | undefined>();
  return {
    emailOf: (user) =>
      byUser(user.id, async () => {
        const cached = await cache.emailOf(user);
        if (cached) return cached;
        const found = await missing(client.users.info({ user: user.id }));
        const email = found?.user?.profile?.email;
        if (!email) return undefined;
        await cache.remember(user, normalizeEmail(email));
        return normalizeEmail(email);
      }),
    userIdOf: (rawEmail) =>
      byEmail(normalizeEmail(rawEmail), async () => {
        const email = normalizeEmail(rawEmail);
        const cached = await cache.userIdOf('slack', email);
        if (cached) return cached;
        const found = await missing(client.users.lookupByEmail({ email }));
        const id = found?.user?.id;
        if (!id || found.user?.deleted) return undefined;
        await cache.remember({ platform: 'slack', id }, email);
        return id;
      }),
  };
}
