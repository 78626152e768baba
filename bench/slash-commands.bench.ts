/**
 * Foundation: throughput and p99 acknowledgement latency of `/cohorte moi` through Cohorte's real Slack
 * receiver, against a bare Bolt app that only acknowledges, both measured in the same run on the same machine;
 * plus Cohorte's idle resident memory. Each server runs in its own child process; the load comes from this one.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ChildServer, startChild } from './support/child.js';
import type { ChildStats } from './support/child-protocol.js';
import { type LoadResult, measureLoad } from './support/load.js';
import { machineCpuMicros, waitForQuiet } from './support/machine.js';
import { dropKeys, pingRedis } from './support/redis.js';
import { type BenchReport, fixed, mebibytes, target } from './support/report.js';
import { buildCohorte } from './support/server-process.js';
import { BENCH_USER, signedSlashCommands } from './support/slack-bench.js';

// BENCH_QUICK=1 shortens every phase, to try the benchmark itself; its figures are not worth recording.
const QUICK = process.env.BENCH_QUICK === '1';
const CONCURRENCY = 16;
const WARMUP_MS = QUICK ? 500 : 2_000;
const DURATION_MS = QUICK ? 2_000 : 10_000;
const IDLE_SETTLE_MS = QUICK ? 500 : 2_000;
const AFTER_LOAD_SETTLE_MS = QUICK ? 1_000 : 5_000;
// On a shared machine, each round first waits (this long at most) for the other processes to calm down.
const QUIET_WAIT_MS = QUICK ? 0 : 60_000;
const LATE_READING_MS = QUICK ? 2_000 : 30_000;
const ORDER = ['bare Bolt', 'Cohorte', 'bare Bolt', 'Cohorte'] as const;
const EXPECTED_TEXT = BENCH_USER.name;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

type ServerName = (typeof ORDER)[number];

interface Round {
  server: ServerName;
  result: LoadResult;
  /** CPU time the server used during the measured load, in microseconds. */
  serverCpuMicros: number;
  /** CPU time of the whole machine over the same span (all processes, Redis and the generator included). */
  machineCpuMicros: number;
  /** Busy fraction of one core just before the round, and whether it was under the quiet threshold. */
  before: { quiet: boolean; busy: number };
}

/** Both servers' stats at one moment. */
interface Reading {
  bare: ChildStats;
  cohorte: ChildStats;
}

/** The round with the best throughput for a server (its latencies come with it: one consistent run). */
const best = (rounds: Round[], server: ServerName) =>
  rounds
    .filter((r) => r.server === server)
    .reduce((a, b) => (b.result.throughput > a.result.throughput ? b : a));

const cpuPerRequest = (r: Round) => r.serverCpuMicros / Math.max(1, r.result.sent);
const ms = (value: number) => fixed(value, 2);
const mb = (bytes: number) => fixed(mebibytes(bytes), 1);
const percent = (fraction: number) => fixed(fraction * 100, 0);
const COLUMNS = [
  'server',
  'req/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'ok',
  'errors',
  'server CPU %',
  'CPU µs/req',
  'gen CPU %',
  'others CPU %',
];
const roundRow = (round: Round) => {
  const { result: r, serverCpuMicros: cpu } = round;
  // Whatever else ran meanwhile: Redis (which Cohorte needs), the idle server, and any other process on the machine.
  const others = Math.max(0, round.machineCpuMicros - cpu - r.generatorCpu * r.elapsedS * 1e6);
  return [
    round.server,
    fixed(r.throughput, 0),
    ms(r.p50),
    ms(r.p99),
    ms(r.max),
    String(r.ok),
    String(r.errors),
    percent(cpu / 1e6 / r.elapsedS),
    fixed(cpuPerRequest(round), 0),
    percent(r.generatorCpu),
    percent(others / 1e6 / r.elapsedS),
  ];
};

async function stopAll(servers: ChildServer[], prefix: string, redisUrl: string): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
  // The Cohorte child removes its keys when it stops cleanly; a killed or failed one did not.
  const left = await dropKeys(redisUrl, prefix).catch((error: unknown) => {
    process.stderr.write(`could not remove the keys under ${prefix}: ${String(error)}\n`);
    return 0;
  });
  if (left) process.stderr.write(`removed ${left} key(s) left under ${prefix}\n`);
}

/**
 * Runs the benchmark: both servers started, four alternating rounds of load, memory read when idle after start,
 * 5 s after the load and 30 s after it. Both children are stopped and the Redis prefix removed, even on error.
 */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!LOOPBACK.has(new URL(redisUrl).hostname))
    throw new Error('the benchmark only runs on a loopback Redis');
  await pingRedis(redisUrl).catch((error: unknown) => {
    throw new Error(`Redis at ${redisUrl} is needed: ${String(error)}`);
  });
  const prefix = `bench-slash-${randomUUID().slice(0, 8)}`;
  const servers: ChildServer[] = [];
  let build: string | undefined;
  try {
    // Cohorte runs compiled, as in production: under tsx its sources carry the loader's helpers on the hot path.
    process.stderr.write('  building…\n');
    build = await buildCohorte();
    const bare = await startChild('bare Bolt', new URL('./bare-bolt-server.ts', import.meta.url));
    servers.push(bare);
    const cohorte = await startChild('Cohorte', new URL('./cohorte-server.ts', import.meta.url), {
      env: { BENCH_REDIS_PREFIX: prefix, BENCH_REDIS_URL: redisUrl, BENCH_COHORTE_BUILD: build },
    });
    servers.push(cohorte);
    const byName: Record<ServerName, ChildServer> = { 'bare Bolt': bare, Cohorte: cohorte };

    await sleep(IDLE_SETTLE_MS);
    const idle = { bare: await bare.stats(), cohorte: await cohorte.stats() };
    const requests = signedSlashCommands({
      command: '/cohorte',
      text: 'moi',
      userId: BENCH_USER.id,
      responseUrl: cohorte.info.responseUrl ?? 'http://127.0.0.1:9/response/bench',
    });
    const rounds: Round[] = [];
    for (const server of ORDER) {
      const before = await waitForQuiet(QUIET_WAIT_MS);
      process.stderr.write(`  ${server}: ${WARMUP_MS / 1000} s warm-up, ${DURATION_MS / 1000} s measured…\n`);
      const child = byName[server];
      let cpuBefore = 0;
      let machineBefore = 0;
      const result = await measureLoad({
        port: child.port,
        path: '/slack/events',
        concurrency: CONCURRENCY,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        build: requests,
        afterWarmup: async () => {
          cpuBefore = (await child.stats()).cpuMicros;
          machineBefore = machineCpuMicros();
        },
        ...(server === 'Cohorte' ? { check: (body: string) => body.includes(EXPECTED_TEXT) } : {}),
      });
      const machine = machineCpuMicros() - machineBefore;
      const serverCpuMicros = (await child.stats()).cpuMicros - cpuBefore;
      rounds.push({ server, result, serverCpuMicros, machineCpuMicros: machine, before });
    }
    const read = async () => ({ bare: await bare.stats(), cohorte: await cohorte.stats() });
    await sleep(AFTER_LOAD_SETTLE_MS);
    const after = await read();
    // V8 collects an idle heap lazily: a later reading tells garbage not yet collected from memory kept.
    await sleep(LATE_READING_MS - AFTER_LOAD_SETTLE_MS);
    return report(rounds, { idle, after, late: await read() }, servers);
  } finally {
    await stopAll(servers, prefix, redisUrl);
    if (build) rmSync(build, { recursive: true, force: true });
  }
}

interface Memory {
  idle: Reading;
  after: Reading;
  late: Reading;
}

function report(rounds: Round[], memory: Memory, servers: ChildServer[]): BenchReport {
  const bare = best(rounds, 'bare Bolt');
  const cohorte = best(rounds, 'Cohorte');
  const errors = rounds.reduce((sum, r) => sum + r.result.errors, 0);
  const notes = [
    // The Cohorte child is compiled but its harness (Slack double, protocol) runs under tsx; the production
    // figure (compiled, one process) is the production-rss benchmark's, which carries the memory target.
    `RSS with the harness under tsx: Cohorte ${fixed(mebibytes(memory.idle.cohorte.rss), 1)} MiB idle, ` +
      `${fixed(mebibytes(memory.after.cohorte.rss), 1)} MiB 5 s after the load; see production-rss for the target`,
    `${CONCURRENCY} concurrent keep-alive connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s ` +
      `measured per round, order ${ORDER.join(', ')}; the best round by throughput is kept per server.`,
    ...rounds.flatMap((r, i) =>
      r.before.quiet
        ? []
        : [`round ${i + 1} started on a busy machine (${percent(r.before.busy)} % of a core)`],
    ),
    ...rounds.flatMap((r, i) =>
      r.result.firstError ? [`round ${i + 1} (${r.server}) first error: ${r.result.firstError}`] : [],
    ),
    // Less sensitive than throughput to other processes on a shared machine, but blind to Redis's own CPU.
    `server CPU per request, Cohorte / bare Bolt (kept rounds): ${fixed(cpuPerRequest(cohorte) / cpuPerRequest(bare), 2)}×`,
    `counters after the run: bare Bolt ${JSON.stringify(memory.late.bare.counters)}, ` +
      `Cohorte ${JSON.stringify(memory.late.cohorte.counters)}`,
    ...servers.map(({ name, stderr }) => {
      const { count, tail } = stderr();
      return `${name} wrote ${count} line(s) on stderr${count ? `; last: ${tail.at(-1)}` : ''}`;
    }),
  ];
  return {
    title: 'Foundation: slash commands — `/cohorte moi` vs bare Bolt',
    tables: [
      {
        title: 'Rounds',
        columns: ['round', ...COLUMNS],
        rows: rounds.map((r, i) => [String(i + 1), ...roundRow(r)]),
      },
      { title: 'Kept (best round of each)', columns: COLUMNS, rows: [roundRow(bare), roundRow(cohorte)] },
      {
        title: 'Memory (MiB)',
        columns: [
          'server',
          'RSS idle after start',
          'RSS load + 5 s',
          'heap used load + 5 s',
          'RSS load + 30 s',
          'peak RSS',
        ],
        rows: (['bare', 'cohorte'] as const).map((key) => [
          key === 'bare' ? 'bare Bolt' : 'Cohorte',
          mb(memory.idle[key].rss),
          mb(memory.after[key].rss),
          mb(memory.after[key].heapUsed),
          mb(memory.late[key].rss),
          mb(memory.late[key].maxRss),
        ]),
      },
    ],
    targets: [
      target(
        'throughput, Cohorte / bare Bolt',
        cohorte.result.throughput / bare.result.throughput,
        '>=',
        0.8,
        '×',
      ),
      target('p99 ack, Cohorte / bare Bolt', cohorte.result.p99 / bare.result.p99, '<=', 1.5, '×'),
      target('(sanity) errors + wrong answers, all rounds', errors, '<=', 0),
    ],
    notes,
  };
}
