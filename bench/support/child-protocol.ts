import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

/**
 * The line protocol between `bench/run.ts`'s benchmarks and the servers they start as child processes: the child
 * writes one JSON object per line on stdout, reads one command per line on stdin, and stops when stdin ends (so
 * it never outlives the parent).
 */

/** The child's first line: it listens on 127.0.0.1:`port`; `info` holds what the load generator needs. */
export const ReadyLineSchema = z.object({
  type: z.literal('ready'),
  port: z.number().int().min(1).max(65535),
  info: z.record(z.string(), z.string()),
});

/** The answer to a `stats` command: the child's own memory figures, plus whatever it counts. */
export const StatsLineSchema = z.object({
  type: z.literal('stats'),
  /** Resident set size now, in bytes (`process.memoryUsage().rss`). */
  rss: z.number(),
  /** Peak resident set size since the start, in bytes (`process.resourceUsage().maxRSS`). */
  maxRss: z.number(),
  heapUsed: z.number(),
  heapTotal: z.number(),
  /** Memory outside the V8 heap that V8 knows of (buffers included). */
  external: z.number(),
  /** CPU time used since the start, user + system, in microseconds. */
  cpuMicros: z.number(),
  counters: z.record(z.string(), z.number()),
});

/** A child's stats. */
export type ChildStats = z.infer<typeof StatsLineSchema>;

/** The command asking for a {@link ChildStats} line. */
export const STATS_COMMAND = 'stats';

// A graceful stop that hangs must not keep a benchmark child alive.
const STOP_LIMIT_MS = 10_000;

const writeLine = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/**
 * Runs the child side of the protocol for a started server: announces `port` and `info`, answers `stats` with
 * `counters()`, and on the end of stdin (or SIGINT/SIGTERM) calls `stop` and exits, within 10 s at most.
 */
export function serveChildProtocol(options: {
  port: number;
  info?: Record<string, string>;
  counters?: () => Record<string, number>;
  stop: () => Promise<void>;
}): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.race([options.stop(), sleep(STOP_LIMIT_MS, undefined, { ref: false })]).catch(
      (error: unknown) => process.stderr.write(`stop failed: ${String(error)}\n`),
    );
    process.exit(0);
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== STATS_COMMAND) return;
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    writeLine({
      type: 'stats',
      rss: memory.rss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      cpuMicros: cpu.user + cpu.system,
      counters: options.counters?.() ?? {},
    } satisfies ChildStats);
  });
  lines.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  writeLine({ type: 'ready', port: options.port, info: options.info ?? {} } satisfies z.infer<
    typeof ReadyLineSchema
  >);
}
