import type { ConnectionOptions } from 'bullmq';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

/** A connection to one Redis (alone or behind sentinels) or to a Redis Cluster: the stores take either. */
export type RedisClient = Redis | Cluster;

/**
 * Every key matching `pattern`, in batches. A cluster is scanned primary by primary: SCAN sees one node's keys, and
 * Cohorte's all live on one of them (one hash tag).
 */
export async function* scanKeys(redis: RedisClient, pattern: string, count = 100): AsyncIterable<string[]> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes)
    for await (const batch of node.scanStream({ match: pattern, count }) as AsyncIterable<string[]>)
      yield batch;
}

/** The nodes of a Redis Cluster to start from (the others are discovered), and the servers' password. */
export interface ClusterTarget {
  cluster: HostPort[];
  password?: string | undefined;
}

/**
 * Where Redis is: a `redis://` URL (one server), the options of a set of sentinels that name the primary (see
 * {@link sentinelTarget}), or a cluster. Every connection Cohorte opens starts from one of these.
 */
export type RedisTarget = string | RedisOptions | ClusterTarget;

/** How long every connection waits before its `times`-th reconnection: 200 ms more each time, at most 2 s. */
export const reconnectDelay = (times: number): number => Math.min(times * 200, 2000);

export const isCluster = (target: RedisTarget): target is ClusterTarget =>
  typeof target !== 'string' && 'cluster' in target;

/** True for the primary a set of sentinels names (see {@link sentinelTarget}): a replica takes over if it dies. */
export const isSentinelTarget = (target: RedisTarget): target is RedisOptions =>
  typeof target !== 'string' && !isCluster(target) && target.sentinels !== undefined;

/** A cluster client; `node` are the options of its connection to each node, `options` more of the cluster's. */
export const clusterOf = (
  target: ClusterTarget,
  node: RedisOptions,
  offlineQueue: boolean,
  options: ClusterOptions = {},
) =>
  new Cluster(target.cluster, {
    enableOfflineQueue: offlineQueue,
    clusterRetryStrategy: reconnectDelay,
    ...options,
    redisOptions: { ...node, password: target.password },
  });

/** The connection part of a target: a URL becomes host, port, credentials, database and TLS. */
function optionsOf(target: string | RedisOptions): RedisOptions {
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
    sentinelRetryStrategy: reconnectDelay,
  };
}

/**
 * A connection for request-time work: it fails fast while Redis is down (no offline queue, 1.5 s command timeout)
 * so a command can answer "réessayez dans une minute" within Slack's 3 s, and reconnects by itself forever.
 */
export function createCommandRedis(target: RedisTarget): RedisClient {
  const failFast: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1500,
    retryStrategy: reconnectDelay,
  };
  if (isCluster(target)) return clusterOf(target, failFast, false);
  return new Redis({ ...optionsOf(target), ...failFast, lazyConnect: false });
}

/** Options for BullMQ's own connections: workers block, so no per-request retry limit (BullMQ requires null). */
export function bullConnectionOptions(target: string | RedisOptions): RedisOptions {
  return {
    ...optionsOf(target),
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelay,
  };
}

/**
 * BullMQ's connections to a target. Producers fail fast while Redis is down, so commands can say "retry"; workers
 * block, so they wait. BullMQ opens its connections from options, except on a cluster, where it must be handed a
 * client: those are made here, and `close()` ends them after the queues and workers closed.
 */
export function createBullConnections(target: RedisTarget) {
  const clients: Cluster[] = [];
  const connect = (producer: boolean): ConnectionOptions => {
    const node: RedisOptions = producer
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
      : { maxRetriesPerRequest: null };
    if (!isCluster(target)) return { ...bullConnectionOptions(target), ...node };
    const client = clusterOf(target, node, !producer);
    clients.push(client);
    return client;
  };
  return {
    producer: () => connect(true),
    worker: () => connect(false),
    close() {
      for (const client of clients) client.disconnect();
    },
  };
}

/** How long a starting process waits for Redis before it gives up. */
export const REDIS_START_WAIT_MS = 10_000;

// The last five are a Redis Cluster's while a replica takes over a dead primary's slots: redirections that go round
// until the slot map settles, a node that went away, no node answering yet.
const UNAVAILABLE =
  /enableOfflineQueue|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|max retries per request|ETIMEDOUT|^READONLY|^LOADING|^MASTERDOWN|^CLUSTERDOWN|^TRYAGAIN|^Too many Cluster redirections|^Node is disconnected|^Cluster is disconnected|^Failed to refresh slots cache|^None of startup nodes is available/i;

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
export function whenReady(redis: RedisClient, timeoutMs = REDIS_START_WAIT_MS): Promise<void> {
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
