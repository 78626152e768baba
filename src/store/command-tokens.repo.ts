import type { CommandTokens } from '../core/ports.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/** Slash-command tokens per platform, in one hash per platform; no personal data. */
export function createCommandTokensRepo(redis: RedisClient, keys: Keys): CommandTokens {
  return {
    async tokenOf(platform, trigger) {
      return (await redis.hget(keys.commandTokens(platform), trigger)) ?? undefined;
    },
    async remember(platform, trigger, token) {
      await redis.hset(keys.commandTokens(platform), trigger, token);
    },
  };
}
