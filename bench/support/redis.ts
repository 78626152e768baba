import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

const LIMIT_MS = 5_000;

/**
 * Runs `work` on a Redis connection that fails fast (no reconnection, no offline queue) and is always closed, within
 * 5 s: a benchmark must neither hang nor keep its process alive when Redis is missing.
 */
async function withRedis<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: LIMIT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Errors reach the caller through the commands; the event would only repeat them.
  redis.on('error', () => undefined);
  try {
    return await Promise.race([
      redis.connect().then(() => work(redis)),
      sleep(LIMIT_MS, undefined, { ref: false }).then(() => {
        throw new Error(`Redis did not answer within ${LIMIT_MS} ms`);
      }),
    ]);
  } finally {
    redis.disconnect();
  }
}

/** Resolves when Redis at `url` answers PING; rejects within 5 s otherwise. */
export async function pingRedis(url: string): Promise<void> {
  await withRedis(url, (redis) => redis.ping());
}

/** Deletes every key under `prefix:` (SCAN, then UNLINK in batches) and returns how many were removed. */
export function dropKeys(url: string, prefix: string): Promise<number> {
  return withRedis(url, async (redis) => {
    let removed = 0;
    const batches = redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>;
    for await (const keys of batches) if (keys.length) removed += await redis.unlink(...keys);
    return removed;
  });
}
