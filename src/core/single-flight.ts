/**
 * Shares one in-flight call per key: concurrent callers asking for the same thing (the same person's DM, the same
 * e-mail lookup) wait for one platform call instead of each making their own. Nothing is kept once it settles.
 */
export function singleFlight<T>(): (key: string, work: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, work) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = work().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
