import { Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis is: a `redis://` URL (one server), or the options of a set of sentinels that name the primary (see
 * {@link sentinelTarget}). Every connection Cohorte opens starts from one of these.
 */
export type RedisTarget = string | RedisOptions;

/** The connection part of a target: a URL becomes host, port, credentials, database and TLS. */
function optionsOf(target: RedisTarget): RedisOptions {
  if (typeof target !== 'string') return target;
  const parsed = new URL(target);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/** A `host:port` list, as `REDIS_SENTINELS` and `REDIS_CLUSTER_NODES` give it. */
export type HostPort = { host: string; port: number };

/**
 * The primary that `sentinels` know as `name`. ioredis asks them where it is at every (re)connection. A primary that
 * is demoted while alive has its clients cut by the sentinels (`CLIENT KILL` after `REPLICAOF`), and a write it
 * refuses meanwhile (`READONLY`) reconnects too, to the new one. ioredis's `failoverDetector` is left off: with it,
 * connections sometimes ended for good during a failover (the integration test caught it).
 */
export function sentinelTarget(options: {
  sentinels: HostPort[];
  name: string;
  password?: string | undefined;
  sentinelPassword?: string | undefined;
}): RedisOptions {
  return {
    sentinels: options.sentinels,
    name: options.name,
    password: options.password,
    sentinelPassword: options.sentinelPassword,
    // 2: reconnect, then send the refused command again (to the new primary).
    reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 2 : false),
    sentinelRetryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

/**
 * A connection for request-time work: it fails fast while Redis is down (no offline queue, 1.5 s command timeout)
 * so a command can answer "réessayez dans une minute" within Slack's 3 s, and reconnects by itself forever.
 */
export function createCommandRedis(target: RedisTarget): Redis {
  return new Redis({
    ...optionsOf(target),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1500,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
}

/** Options for BullMQ's own connections: workers block, so no per-request retry limit (BullMQ requires null). */
export function bullConnectionOptions(target: RedisTarget): RedisOptions {
  return {
    ...optionsOf(target),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

/** How long a starting process waits for Redis before it gives up. */
export const REDIS_START_WAIT_MS = 10_000;

const UNAVAILABLE =
  /enableOfflineQueue|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|max retries per request|ETIMEDOUT|^READONLY|^LOADING|^MASTERDOWN|^CLUSTERDOWN|^TRYAGAIN/i;

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
