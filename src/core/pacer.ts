/**
 * Paces the calls of one platform account: at most so many per second, and none while a rate limit holds. This
 * process's alone ({@link createPacer}), or every process's of the deployment (one in Redis, given to the adapter).
 */
export interface Pacer {
  /** Resolves when the next call may start: its turn, after any rate limit met meanwhile. */
  slot(): Promise<void>;
  /** Holds every call not started yet for `ms` from now (a rate limit answered by the server). */
  holdFor(ms: number): void | Promise<void>;
}

/**
 * A pacer of `requestsPerSecond` calls per second, in order, for one client of a platform API. A rate limit is per
 * client on the server's side, so one met while a call waited for its turn holds that call too. `sleep` is the
 * timer (`node:timers/promises`), given by the client: the core does no I/O.
 */
export function createPacer(requestsPerSecond: number, sleep: (ms: number) => Promise<unknown>): Pacer {
  const interval = 1000 / requestsPerSecond;
  let nextSlot = 0;
  let blockedUntil = 0;
  return {
    async slot() {
      const now = Date.now();
      const at = Math.max(now, nextSlot, blockedUntil);
      nextSlot = at + interval;
      if (at > now) await sleep(at - now);
      while (Date.now() < blockedUntil) await sleep(blockedUntil - Date.now());
    },
    holdFor(ms) {
      blockedUntil = Math.max(blockedUntil, Date.now() + ms);
    },
  };
}
