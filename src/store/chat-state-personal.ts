import { PLATFORMS } from '../core/ids.js';
import type { IdentityCache } from '../core/ports.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import { type RedisClient, scanKeys } from './redis.js';

/**
 * The adapters' state about a person (`<prefix>:chat:`): numbered choices offered to them or sent in their DM, a
 * form conversation in progress. Names are hashed, so records are found by value: one that holds the person's
 * account id or their DM's id, as a JSON string, is theirs. It must run before the identities are erased, which
 * are how their ids are known.
 */
export function createChatStatePersonalData(
  redis: RedisClient,
  keys: Keys,
  identities: IdentityCache,
): PersonalDataSource {
  async function traces(email: string): Promise<string[]> {
    const ids = await Promise.all(
      PLATFORMS.map(async (platform) => {
        const id = await identities.userIdOf(platform, email);
        if (id === undefined) return [];
        const dm = await identities.dmOf({ platform, id });
        return dm === undefined ? [id] : [id, dm];
      }),
    );
    return ids.flat().map((id) => JSON.stringify(id));
  }

  /** The records holding one of the person's ids, with their values. */
  async function recordsOf(email: string): Promise<[string, string][]> {
    const quoted = await traces(email);
    if (quoted.length === 0) return [];
    const found: [string, string][] = [];
    for await (const names of scanKeys(redis, keys.chatStateAll())) {
      for (const name of names) {
        const value = await redis.get(name);
        if (value && quoted.some((q) => value.includes(q))) found.push([name, value]);
      }
    }
    return found;
  }

  return {
    name: 'chatState',
    async export(email) {
      return (await recordsOf(email)).map(([, value]) => JSON.parse(value) as unknown);
    },
    async erase(email) {
      const names = (await recordsOf(email)).map(([name]) => name);
      if (names.length > 0) await redis.del(...names);
    },
  };
}
