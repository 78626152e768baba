import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type ChildStats, ReadyLineSchema, STATS_COMMAND, StatsLineSchema } from './child-protocol.js';

/** A server running in a child process, speaking the protocol of `child-protocol.ts`. */
export interface ChildServer {
  readonly name: string;
  readonly pid: number;
  /** The port it listens on, on 127.0.0.1. */
  readonly port: number;
  /** What the child announced besides its port (URLs, prefixes). */
  readonly info: Record<string, string>;
  /** Asks the child for its memory figures and counters (fails after 5 s). */
  stats(): Promise<ChildStats>;
  /** The last lines the child wrote on stderr, and how many it wrote in all. */
  stderr(): { count: number; tail: string[] };
  /** Ends its stdin (a graceful stop), then kills it after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<{ clean: boolean }>;
}

const STDERR_TAIL = 20;
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STATS_TIMEOUT_MS = 5_000;
/** Running children, with their graceful stop. */
const live = new Map<ChildProcess, (graceMs?: number) => Promise<unknown>>();

// Whatever happens to the parent (an exception, a missed await), no child outlives it.
process.on('exit', () => {
  for (const child of live.keys()) child.kill('SIGKILL');
});

// Ctrl-C or a kill: the children get a graceful stop (so Cohorte removes its Redis keys) before the parent exits.
const interrupt = (signal: NodeJS.Signals) => {
  process.stderr.write(`${signal}: stopping the benchmark's servers\n`);
  void Promise.all([...live.values()].map((stop) => stop(10_000))).finally(() => process.exit(130));
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

const timeout = (ms: number, what: string) =>
  sleep(ms, undefined, { ref: false }).then(() => {
    throw new Error(`${what}: no answer within ${ms} ms`);
  });

/** `BENCH_CPU_PROF=<folder>`: each child writes a V8 CPU profile there when it exits (open it as a flame graph). */
const profiling = (): string[] => {
  const folder = process.env.BENCH_CPU_PROF;
  return folder ? ['--cpu-prof', '--cpu-prof-dir', folder] : [];
};

/**
 * Starts `script` with `node --import tsx` (one process, so its pid is the server's) and waits for its ready
 * line, at most `startTimeoutMs`. The child is killed if it does not become ready.
 */
export async function startChild(
  name: string,
  script: URL,
  options: { env?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...profiling(), '--import', 'tsx', fileURLToPath(script)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // `--import tsx` resolves from the working directory: the project's, whatever the parent's is.
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
  });
  const exited = once(child, 'exit').then(() => live.delete(child));
  // A child that died closes its stdin: writing to it must not crash the parent (the exit is reported instead).
  child.stdin.on('error', () => undefined);
  const tail: string[] = [];
  let stderrCount = 0;
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrCount += 1;
    tail.push(line);
    if (tail.length > STDERR_TAIL) tail.shift();
  });

  const waiting: ((line: unknown) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      tail.push(`stdout: ${line}`);
      return;
    }
    waiting.shift()?.(parsed);
  });
  const nextLine = () => new Promise<unknown>((resolve) => waiting.push(resolve));

  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return { clean: child.exitCode === 0 };
    child.stdin.end();
    const graceful = await Promise.race([exited.then(() => true), sleep(graceMs, false, { ref: false })]);
    if (!graceful) {
      child.kill('SIGKILL');
      await exited;
    }
    return { clean: graceful && child.exitCode === 0 };
  };

  live.set(child, stop);
  const startLimit = options.startTimeoutMs ?? 60_000;
  const ready = await Promise.race([
    nextLine().then((line) => ReadyLineSchema.parse(line)),
    exited.then(() => {
      throw new Error(`${name} exited before it was ready:\n${tail.join('\n')}`);
    }),
    timeout(startLimit, `${name} start`),
  ]).catch(async (error: unknown) => {
    await stop(2_000);
    throw error;
  });

  return {
    name,
    pid: child.pid ?? -1,
    port: ready.port,
    info: ready.info,
    async stats() {
      const answer = nextLine();
      child.stdin.write(`${STATS_COMMAND}\n`);
      return StatsLineSchema.parse(await Promise.race([answer, timeout(STATS_TIMEOUT_MS, `${name} stats`)]));
    },
    stderr: () => ({ count: stderrCount, tail: [...tail] }),
    stop,
  };
}
