import type { Platform } from './ids.js';
import type { Directory, IdentityCache } from './ports.js';
import { normalizeEmail } from './roster/roster.js';
import { singleFlight } from './single-flight.js';

/** What a platform answers about its accounts; undefined for an account it does not know (or a deactivated one). */
export interface AccountLookup {
  emailOf(userId: string): Promise<string | undefined>;
  userIdOf(email: string): Promise<string | undefined>;
}

/**
 * A platform's directory with its answers cached in Redis (the platform is asked once per person) and concurrent
 * asks for the same person folded into one call.
 */
export function cachedDirectory(platform: Platform, lookup: AccountLookup, cache: IdentityCache): Directory {
  const byUser = singleFlight<string | undefined>();
  const byEmail = singleFlight<string | undefined>();
  return {
    emailOf: (user) =>
      byUser(user.id, async () => {
        const cached = await cache.emailOf(user);
        if (cached) return cached;
        const found = await lookup.emailOf(user.id);
        if (!found) return undefined;
        const email = normalizeEmail(found);
        await cache.remember(user, email);
        return email;
      }),
    userIdOf: (rawEmail) => {
      const email = normalizeEmail(rawEmail);
      return byEmail(email, async () => {
        const cached = await cache.userIdOf(platform, email);
        if (cached) return cached;
        const id = await lookup.userIdOf(email);
        if (id) await cache.remember({ platform, id }, email);
        return id;
      });
    },
  };
}
