import { z } from 'zod';
import { PLATFORMS, type Platform } from '../core/ids.js';
import type { IdentityCache } from '../core/ports.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import type { RedisClient } from './redis.js';

/** Identities are refreshed weekly: a person may change e-mail or leave the workspace. */
const TTL_SECONDS = 7 * 24 * 3600;
const IdSchema = z.string().min(1);

/** Cache of platform ids ↔ e-mails, and of DM conversation ids, both directions kept together. */
export function createIdentityRepo(redis: RedisClient, keys: Keys) {
  const userIdOf = async (platform: Platform, email: string) => {
    const raw = await redis.get(keys.identityByEmail(platform, email));
    return raw === null ? undefined : IdSchema.parse(raw);
  };
  const repo: IdentityCache & PersonalDataSource = {
    name: 'identities',
    userIdOf,
    async emailOf(user) {
      const raw = await redis.get(keys.identityByUser(user.platform, user.id));
      return raw === null ? undefined : IdSchema.parse(raw);
    },
    async remember(user, email) {
      await redis
        .multi()
        .set(keys.identityByUser(user.platform, user.id), email, 'EX', TTL_SECONDS)
        .set(keys.identityByEmail(user.platform, email), user.id, 'EX', TTL_SECONDS)
        .exec();
    },
    async dmOf(user) {
      return (await redis.get(keys.dm(user.platform, user.id))) ?? undefined;
    },
    async rememberDm(user, conversation) {
      await redis.set(keys.dm(user.platform, user.id), conversation, 'EX', TTL_SECONDS);
    },
    async export(email) {
      const entries = await Promise.all(PLATFORMS.map(async (p) => [p, await userIdOf(p, email)] as const));
      return Object.fromEntries(entries.filter(([, id]) => id !== undefined));
    },
    async erase(email) {
      for (const platform of PLATFORMS) {
        const id = await userIdOf(platform, email);
        if (id === undefined) continue;
        await redis.del(
          keys.identityByEmail(platform, email),
          keys.identityByUser(platform, id),
          keys.dm(platform, id),
        );
      }
    },
  };
  return repo;
}

/** The identity repository's type. */
export type IdentityRepo = ReturnType<typeof createIdentityRepo>;
