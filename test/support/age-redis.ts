import { Redis } from 'ioredis';
import { REDIS_URL } from './cohorte.js';

/**
 * Time passes for what Redis forgets, its clock being out of a test's reach: every key matching `pattern` that has
 * a TTL lives `ms` less, and those it would not outlive go. Run while the bot is idle (a running job's lock would go
 * too).
 */
export async function ageKeys(pattern: string, ms: number, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    for (const key of await redis.keys(pattern)) {
      const left = await redis.pttl(key);
      if (left < 0) continue;
      if (left > ms) await redis.pexpire(key, left - ms);
      else await redis.del(key);
    }
  } finally {
    redis.disconnect();
  }
}

/** When `key` expires in Redis (ms since the epoch); undefined when it is gone or never expires. */
export async function expiresAt(key: string, url = REDIS_URL): Promise<number | undefined> {
  const redis = new Redis(url);
  try {
    const at = Number(await redis.call('PEXPIRETIME', key));
    return at > 0 ? at : undefined;
  } finally {
    redis.disconnect();
  }
}
