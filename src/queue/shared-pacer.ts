import type { Redis } from 'ioredis';
import type { Pacer } from '../core/pacer.js';
import { holdCalls, spaceCall } from './outbox-pace.js';

/**
 * A {@link Pacer} every process of the deployment shares: calls under `key` start at least `1 / requestsPerSecond`
 * apart on Redis' clock, whichever process makes them, and a rate limit met by one holds them all. Tchap counts
 * calls per account, so a web process answering commands and a worker sending the outbox share its one call per
 * second rather than each taking it.
 */
export function createSharedPacer(redis: Redis, key: string, requestsPerSecond: number): Pacer {
  const pace = { workspace: { key, intervalMs: Math.ceil(1000 / requestsPerSecond) } };
  return {
    slot: () => spaceCall(redis, pace),
    holdFor: (ms) => holdCalls(redis, `${key}:last`, ms, pace.workspace.intervalMs),
  };
}
