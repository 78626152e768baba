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

/** How long a starting process waits for Redis before it gives up. */
export const REDIS_START_WAIT_MS = 10_000;

const UNAVAILABLE =
  /enableOfflineQueue|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|max retries per request|ETIMEDOUT/i;

/** True for errors meaning Redis cannot be reached right now (as opposed to a bug). */
export function isRedisUnavailable(error: unknown): boolean {
  return (
    error instanceof Error && (UNAVAILABLE.test(error.message) || error.name === 'MaxRetriesPerRequestError')
  );
}

/** Redis did not answer at start within the wait: the process stops and its service manager starts it again. */
export class RedisNotReadyError extends Error {
  override readonly name = 'RedisNotReadyError';
  constructor(readonly waitedMs: number) {
    super(`Redis not ready after ${waitedMs} ms`);
  }
}

/** Resolves once the connection is ready (commands fail fast before that); rejects after `timeoutMs`. */
export function whenReady(redis: Redis, timeoutMs = REDIS_START_WAIT_MS): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new RedisNotReadyError(timeoutMs));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/** Whether a Redis answers PING at `url` within `timeoutMs`: one attempt, no retry, nothing left open. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
