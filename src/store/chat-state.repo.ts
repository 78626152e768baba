import type { ChatState } from '../core/ports.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

// Extends the key's life only while it still holds the caller's value: a lock taken over is never extended.
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** The adapters' key-value state on Redis, every key under `<prefix>:chat:`. */
export function createChatStateRepo(redis: RedisClient, keys: Keys): ChatState {
  return {
    async get(name) {
      return (await redis.get(keys.chatState(name))) ?? undefined;
    },
    async set(name, value, ttlMs) {
      await redis.set(keys.chatState(name), value, 'PX', ttlMs);
    },
    async delete(name) {
      await redis.del(keys.chatState(name));
    },
    async claim(name, value, ttlMs) {
      return (await redis.set(keys.chatState(name), value, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async renew(name, value, ttlMs) {
      return (await redis.eval(RENEW, 1, keys.chatState(name), value, String(ttlMs))) === 1;
    },
  };
}
