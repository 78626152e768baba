import { Redis } from 'ioredis';
import type { Logger } from '../core/ports.js';
import { isSentinelTarget, type RedisClient, type RedisTarget, reconnectDelay, whenReady } from './redis.js';

/**
 * How long a write waits for a replica to acknowledge it before going on without it. A replica on the same network
 * acknowledges within a millisecond or two; one that takes longer is down or far behind.
 */
export const REPLICA_ACK_MS = 500;

/** Writes that what follows must not outrun: a failover must not lose them once `set` resolved. */
export interface ReplicatedWrites {
  /** `SET key value EX ttlSeconds`, resolved once a replica has it too (or, with none answering, after a wait). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Resolves once writes can be made (a write before fails fast). */
  ready(): Promise<void>;
  close(): void;
}

/**
 * Replicated writes to `target`. Behind sentinels, the replica they promote must have the write: it is made on a
 * connection of its own, then `WAIT 1` on that connection (WAIT waits for the writes of the connection it runs on,
 * and blocks it; inside MULTI it does not wait at all). Writes made while a WAIT blocks share the next one: with no
 * replica answering, each waits at most twice `ackMs`, however many there are. With no replica acknowledging within
 * `ackMs`, the write goes on anyway and a warning is logged (once, until a replica acknowledges again): a lone
 * primary keeps working. A connection lost between the write and its WAIT fails the write (the caller retries).
 * On one Redis or a cluster (whose replicas are not known here), `set` is a plain SET on `redis`.
 */
export function createReplicatedWrites(
  target: RedisTarget,
  redis: RedisClient,
  log: Logger,
  ackMs = REPLICA_ACK_MS,
): ReplicatedWrites {
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
    // A write may queue behind a WAIT, then wait for its own.
    commandTimeout: 2 * ackMs + 1500,
    retryStrategy: reconnectDelay,
  });
  // Outages are logged by the command connection; this one only reconnects.
  connection.on('error', () => {});
  /** Counts the connection's closes: a WAIT covers only writes made on the same one. */
  let generation = 0;
  connection.on('close', () => {
    generation += 1;
  });
  /** Writes sent so far; a WAIT covers every write sent before it on its connection. */
  let sent = 0;
  let latest: { covers: number; generation: number; acked: Promise<unknown> } | undefined;
  let unacknowledged = false;
  return {
    async set(key, value, ttlSeconds) {
      const order = ++sent;
      await connection.set(key, value, 'EX', ttlSeconds);
      const mine = generation;
      let wait = latest;
      if (!wait || wait.covers < order || wait.generation !== mine) {
        wait = { covers: sent, generation: mine, acked: connection.call('WAIT', '1', String(ackMs)) };
        latest = wait;
      }
      const acked = Number(await wait.acked);
      if (generation !== mine)
        throw new Error('Redis connection lost before a replica acknowledged the write');
      if (acked < 1 && !unacknowledged)
        log.warn({ waitedMs: ackMs }, 'no Redis replica acknowledged a write: going on without one');
      else if (acked >= 1 && unacknowledged) log.info({}, 'a Redis replica acknowledges writes again');
      unacknowledged = acked < 1;
    },
    ready: () => whenReady(connection),
    close() {
      connection.disconnect();
    },
  };
}
