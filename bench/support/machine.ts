import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy CPU time of every core since boot, in microseconds (`os.cpus()` counts milliseconds). */
export const machineCpuMicros = () =>
  cpus().reduce((sum, { times: t }) => sum + t.user + t.nice + t.sys + t.irq, 0) * 1000;

/**
 * Waits until the machine is nearly idle (under `maxBusy` of one core over a 2 s sample), at most `limitMs`: on a
 * shared machine, a round started while something else computes measures that something as much as the server.
 * Resolves with the last sample's busy fraction and whether it was quiet enough.
 */
export async function waitForQuiet(
  limitMs: number,
  maxBusy = 0.25,
): Promise<{ quiet: boolean; busy: number }> {
  const deadline = performance.now() + limitMs;
  let busy = Number.NaN;
  do {
    const before = machineCpuMicros();
    const started = performance.now();
    await sleep(2_000);
    busy = (machineCpuMicros() - before) / 1000 / (performance.now() - started);
    if (busy < maxBusy) return { quiet: true, busy };
  } while (performance.now() < deadline);
  return { quiet: false, busy };
}
