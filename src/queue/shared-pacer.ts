import type { Pacer } from '../core/pacer.js';
import type { RedisClient } from '../store/redis.js';
import { awaitTurn, holdTurns } from './outbox-pace.js';

/**
 * A {@link Pacer} every process of the deployment shares: calls under `key` take their turns in the order they
 * asked and start at least `1 / requestsPerSecond` apart on Redis' clock, whichever process makes them (a command's
 * answer waits behind the calls already booked, never behind every later one), and a rate limit met by one holds
 * them all. Tchap counts calls per account, so a web process answering commands and a worker sending the outbox
 * share its one call per second rather than each taking it.
 */
export function createSharedPacer(redis: RedisClient, key: string, requestsPerSecond: number): Pacer {
  const workspace = { key, intervalMs: Math.ceil(1000 / requestsPerSecond) };
  return {
    slot: () => awaitTurn(redis, workspace),
    holdFor: (ms) => holdTurns(redis, workspace, ms),
  };
}
