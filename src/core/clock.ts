/** Where code reads the time, so tests can move it. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock someone may set: the local shell's, which `:avance` and `:date` move. */
export interface MovableClock extends Clock {
  /** From now on, `now()` reads `at` plus the time the base clock moves. */
  set(at: Date): void;
}

/** `base` shifted by an offset that `set` changes: it keeps ticking with `base`. */
export function movableClock(base: Clock = systemClock): MovableClock {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    set(at) {
      offset = at.getTime() - base.now().getTime();
    },
  };
}
