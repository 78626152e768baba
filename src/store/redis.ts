import { Redis, type RedisOptions } from 'ioredis';

/**
 * A connection for request-time work: it fails fast while Redis is down (no offline queue, 1.5 s command timeout)
 * so a command can answer "réessayez dans une minute" within Slack's 3 s, and reconnects by itself forever.
 */
export function createCommandRedis(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1500,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
}

/** Options for BullMQ's own connections: workers block, so no per-request retry limit (BullMQ requires null). */
export function bullConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

const UNAVAILABLE =
  /enableOfflineQueue|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|max retries per request|ETIMEDOUT/i;

/** True for errors meaning Redis cannot be reached right now (as opposed to a bug). */
export function isRedisUnavailable(error: unknown): boolean {
  return (
    error instanceof Error && (UNAVAILABLE.test(error.message) || error.name === 'MaxRetriesPerRequestError')
  );
}

/** Resolves once the connection is ready (commands fail fast before that); rejects after `timeoutMs`. */
export function whenReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
