/**
 * Resolves once `predicate` returns true, checking at once and then every 20 ms. Rejects after `timeoutMs`
 * with a message naming the condition (its `description`, or its source) and the last error it threw, if any.
 */
export function waitFor(predicate: () => boolean, timeoutMs = 5000, description?: string): Promise<void> {
  const started = Date.now();
  const condition = description ?? predicate.toString().replace(/\s+/g, ' ').slice(0, 200);
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    const check = (): void => {
      try {
        if (predicate()) {
          resolve();
          return;
        }
        lastError = undefined;
      } catch (error) {
        // A predicate may read state that is not there yet; keep polling and report the error on timeout.
        lastError = error;
      }
      if (Date.now() - started >= timeoutMs) {
        const cause = lastError === undefined ? '' : ` (last error: ${String(lastError)})`;
        reject(new Error(`waitFor: condition not met within ${timeoutMs} ms: ${condition}${cause}`));
        return;
      }
      setTimeout(check, 20);
    };
    check();
  });
}

/** Like {@link waitFor} for a check that must ask something (an HTTP endpoint, Redis): polls every 100 ms. */
export async function waitForAsync(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`waitForAsync: not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
