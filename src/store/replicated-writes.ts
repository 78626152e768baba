import { Command, Redis } from 'ioredis';
import type { Logger } from '../core/ports.js';
import {
  type ClusterTarget,
  clusterOf,
  isCluster,
  isSentinelTarget,
  type RedisClient,
  type RedisTarget,
  reconnectDelay,
  whenReady,
} from './redis.js';

/**
 * How long a write waits for a replica to acknowledge it before going on without it. A replica on the same network
 * acknowledges within a millisecond or two; one that takes longer is down or far behind.
 */
export const REPLICA_ACK_MS = 500;

/** How often a cluster's slot map is read again: a replica that joins the intents' primary is waited for then. */
const SLOTS_REFRESH_MS = 5000;

/** Writes that what follows must not outrun: a failover must not lose them once `set` resolved. */
export interface ReplicatedWrites {
  /** `SET key value EX ttlSeconds`, resolved once a replica has it too (or, with none answering, after a wait). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Resolves once writes can be made (a write before fails fast). */
  ready(): Promise<void>;
  close(): void;
}

/**
 * Replicated writes to `target`. The replica that a failover promotes must have the write: it is made on a
 * connection of Cohorte's own to the primary, then `WAIT 1` on that connection (WAIT waits for the writes of the
 * connection it runs on, and blocks it; inside MULTI it does not wait at all). Writes made while a WAIT blocks
 * share the next one: with no replica answering, each waits at most twice `ackMs`, however many there are. With no
 * replica acknowledging within `ackMs`, the write goes on anyway and a warning is logged (once per primary, until
 * one of its replicas acknowledges again): a lone primary keeps working. A connection lost between the write and its
 * WAIT fails the write (the caller retries).
 *
 * Behind sentinels, the connection is to the primary they name. On a cluster, to the primary that owns the key's
 * slot, looked up at each write (see {@link clusterWrites}). On one Redis, `set` is a plain SET on `redis`.
 */
export function createReplicatedWrites(
  target: RedisTarget,
  redis: RedisClient,
  log: Logger,
  ackMs = REPLICA_ACK_MS,
): ReplicatedWrites {
  if (isCluster(target)) return clusterWrites(target, acknowledged(log, ackMs), ackMs);
  if (!isSentinelTarget(target))
    return {
      async set(key, value, ttlSeconds) {
        await redis.set(key, value, 'EX', ttlSeconds);
      },
      ready: () => whenReady(redis),
      close() {},
    };
  const connection = new Redis({
    ...target,
    // Each command goes out once, on the connection of the moment, or fails: a write is never sent again after a
    // WAIT on another connection, which would not cover it.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    autoResendUnfulfilledCommands: false,
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
    commandTimeout: queuedWaitMs(ackMs),
    retryStrategy: reconnectDelay,
  });
  // Outages are logged by the command connection; this one only reconnects.
  connection.on('error', () => {});
  const setAndWait = acknowledged(log, ackMs);
  return {
    set: (key, value, ttlSeconds) => setAndWait(connection, key, value, ttlSeconds, true),
    ready: () => whenReady(connection),
    close() {
      connection.disconnect();
    },
  };
}

/** A write may queue behind a WAIT, then wait for its own. */
const queuedWaitMs = (ackMs: number) => 2 * ackMs + 1500;

/** What the WAITs sent on one connection cover. */
interface Acks {
  /** Counts the connection's closes: a WAIT covers only writes made on the same one. */
  generation: number;
  /** Writes sent so far; a WAIT covers every write sent before it on its connection. */
  sent: number;
  latest?: { covers: number; generation: number; acked: Promise<unknown> };
  /** The last WAIT on the connection had no replica acknowledge: one flag per primary, or two would flap it. */
  unacknowledged: boolean;
}

/**
 * `SET key value EX ttlSeconds` on `connection`, then (if `wait`) the WAIT that covers it, shared with the writes
 * sent on the same connection meanwhile. Logs when replicas stop, then start again, acknowledging; `onUnacked` is
 * told of each write no replica acknowledged.
 */
function acknowledged(log: Logger, ackMs: number) {
  const acksOf = new WeakMap<Redis, Acks>();
  return async (
    connection: Redis,
    key: string,
    value: string,
    ttlSeconds: number,
    wait: boolean,
    onUnacked?: () => void,
  ): Promise<void> => {
    let acks = acksOf.get(connection);
    if (!acks) {
      const fresh: Acks = { generation: 0, sent: 0, unacknowledged: false };
      connection.on('close', () => {
        fresh.generation += 1;
      });
      acksOf.set(connection, fresh);
      acks = fresh;
    }
    const order = ++acks.sent;
    await connection.set(key, value, 'EX', ttlSeconds);
    if (!wait) return;
    const mine = acks.generation;
    let latest = acks.latest;
    if (!latest || latest.covers < order || latest.generation !== mine) {
      latest = { covers: acks.sent, generation: mine, acked: connection.call('WAIT', '1', String(ackMs)) };
      acks.latest = latest;
    }
    const acked = Number(await latest.acked);
    if (acks.generation !== mine)
      throw new Error('Redis connection lost before a replica acknowledged the write');
    if (acked < 1) onUnacked?.();
    if (acked < 1 && !acks.unacknowledged)
      log.warn({ waitedMs: ackMs }, 'no Redis replica acknowledged a write: going on without one');
    else if (acked >= 1 && acks.unacknowledged) log.info({}, 'a Redis replica acknowledges writes again');
    acks.unacknowledged = acked < 1;
  };
}

/**
 * On a cluster, the write and its WAIT go to the primary that owns the key's slot, on a connection that only these
 * writes use (the cluster client's own connection to that node: WAIT blocks it). Through the cluster client, WAIT
 * (a command without a key) would go to any node. The owner is read from the slot map at each write: it changes
 * on a failover. A write the node refuses because the slot moved (`MOVED`), or with no connection to the owner,
 * reads the map again and is tried once more. Per the map, an owner without a replica gets a plain SET: a WAIT
 * there would only wait `ackMs` for nothing. The map is read again every {@link SLOTS_REFRESH_MS}, and after a
 * write no replica acknowledged (the replica may have failed).
 */
function clusterWrites(
  target: ClusterTarget,
  setAndWait: ReturnType<typeof acknowledged>,
  ackMs: number,
): ReplicatedWrites {
  // A node's connection is never opened again once lost (the cluster client makes a new one when the slot map
  // names the node again), so its commands, queued only until it first connects, go out on it or fail.
  const cluster = clusterOf(
    target,
    { maxRetriesPerRequest: 1, autoResendUnfulfilledCommands: false, commandTimeout: queuedWaitMs(ackMs) },
    false,
    { slotsRefreshInterval: SLOTS_REFRESH_MS },
  );
  cluster.on('error', () => {});
  const refresh = () => new Promise<void>((resolve) => cluster.refreshSlotsCache(() => resolve()));
  /** The connection to the primary owning `key`'s slot, and whether the slot has a replica. */
  const ownerOf = (key: string) => {
    const slot = new Command('set', [key]).getSlot();
    const [primary, ...replicas] = (slot === null ? undefined : cluster.slots[slot]) ?? [];
    const connection = cluster
      .nodes('master')
      .find((node) => `${node.options.host}:${node.options.port}` === primary);
    return connection && { connection, replicated: replicas.length > 0 };
  };
  return {
    async set(key, value, ttlSeconds) {
      for (let attempt = 1; ; attempt++) {
        const owner = ownerOf(key);
        try {
          if (!owner) throw new Error(`Node is disconnected: no connection to the primary that owns ${key}`);
          return await setAndWait(owner.connection, key, value, ttlSeconds, owner.replicated, () => {
            void refresh();
          });
        } catch (error) {
          const stale = !owner || (error instanceof Error && error.message.startsWith('MOVED '));
          if (!stale || attempt === 2) throw error;
          await refresh();
        }
      }
    },
    ready: () => whenReady(cluster),
    close() {
      cluster.disconnect();
    },
  };
}
