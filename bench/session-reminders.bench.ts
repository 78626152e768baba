/**
 * Sessions: 10,000 reminders due over the next minute, scheduled as production schedules them
 * (`Schedules.once`: one delayed BullMQ job per key, deterministic job id) and run by the real jobs worker
 * (`createJobsWorker`, concurrency 4) on a real Redis. Every key is scheduled twice, as a planning job run twice
 * would: each must fire exactly once. Measured: lateness from each due time to the job running (p50, p99, max),
 * duplicates, misses. Baseline in the same run: the same 10,000 due times on plain Node timers in this process,
 * the floor of what the event loop and the machine allow.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JobDefinition } from '../src/core/job.js';
import type { Services } from '../src/core/ports.js';
import { createJobsWorker, createSchedules } from '../src/queue/jobs.js';
import { createQueues } from '../src/queue/queues.js';
import { bullConnectionOptions } from '../src/store/redis.js';
import { bareCommunity } from '../test/support/bare-community.js';
import { dropKeys, pingRedis } from './support/redis.js';
import { type BenchReport, fixed } from './support/report.js';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const WINDOW_MS = 60_000;
/** The first reminder is due this long after scheduling starts: scheduling 20,000 adds must not eat into it. */
const LEAD_MS = 15_000;
/** How long after the last due time a reminder still counts as fired late rather than missed. */
const GRACE_MS = 10_000;

const COMMUNITY = bareCommunity();

const quantile = (sorted: number[], q: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN)
    : Number.NaN;

/** Lateness figures of one run, from due times and the times each key fired (several when it fired twice). */
function summarise(due: Map<string, number>, fired: Map<string, number[]>) {
  const lateness: number[] = [];
  let duplicates = 0;
  for (const [key, times] of fired) {
    if (times.length > 1) duplicates += times.length - 1;
    lateness.push((times[0] ?? Number.NaN) - (due.get(key) ?? Number.NaN));
  }
  lateness.sort((a, b) => a - b);
  return {
    fired: fired.size,
    missed: [...due.keys()].filter((k) => !fired.has(k)).length,
    duplicates,
    p50: quantile(lateness, 0.5),
    p99: quantile(lateness, 0.99),
    max: lateness.at(-1) ?? Number.NaN,
    early: lateness.filter((l) => l < 0).length,
  };
}

/** Due times spread evenly over the window, starting `LEAD_MS` from now. */
function dueTimes(): Map<string, number> {
  const start = Date.now() + LEAD_MS;
  return new Map(
    Array.from({ length: REMINDERS }, (_, i) => [
      `bench-reminder:${i}`,
      start + Math.floor((i * WINDOW_MS) / REMINDERS),
    ]),
  );
}

/** Baseline: one Node timer per due time, in this process. */
async function baseline() {
  const due = dueTimes();
  const fired = new Map<string, number[]>();
  for (const [key, at] of due)
    setTimeout(() => fired.set(key, [...(fired.get(key) ?? []), Date.now()]), at - Date.now());
  await sleep(LEAD_MS + WINDOW_MS + 1_000);
  return summarise(due, fired);
}

/** The real path: Schedules.once twice per key, the real jobs worker running a job that records when it ran. */
async function bullmq(redisUrl: string, prefix: string) {
  const connection = bullConnectionOptions(redisUrl);
  const queues = createQueues(connection, `${prefix}:bull`);
  const schedules = createSchedules(queues, COMMUNITY);
  const fired = new Map<string, number[]>();
  const definition: JobDefinition<{ key: string }> = {
    name: 'bench-reminder',
    schema: z.object({ key: z.string() }),
    async run(_services, { key }) {
      fired.set(key, [...(fired.get(key) ?? []), Date.now()]);
      return key;
    },
  };
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const worker = createJobsWorker({
    connection,
    prefix: `${prefix}:bull`,
    definitions: [definition as JobDefinition<never>],
    services: {} as Services,
    log: silent,
  });
  try {
    await worker.waitUntilReady();
    const due = dueTimes();
    const scheduling = Date.now();
    const entries = [...due];
    // Twice each, in batches: a planning job run twice must not double any reminder.
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < entries.length; i += 500)
        await Promise.all(
          entries
            .slice(i, i + 500)
            .map(([key, at]) => schedules.once('bench-reminder', key, new Date(at), { key })),
        );
    const scheduledMs = Date.now() - scheduling;
    const last = Math.max(...due.values());
    while (Date.now() < last + GRACE_MS && fired.size < due.size) await sleep(200);
    await sleep(1_000);
    return { ...summarise(due, fired), scheduledMs };
  } finally {
    await worker.close();
    await queues.close();
  }
}

/** Runs the baseline, then the BullMQ run, under a unique prefix removed at the end. */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await pingRedis(redisUrl);
  const prefix = `bench-reminders-${randomUUID().slice(0, 8)}`;
  process.stderr.write(`  baseline: ${REMINDERS} Node timers over ${WINDOW_MS / 1000} s…\n`);
  const timers = await baseline();
  process.stderr.write(
    `  BullMQ: ${REMINDERS} reminders (each scheduled twice) over ${WINDOW_MS / 1000} s…\n`,
  );
  try {
    const real = await bullmq(redisUrl, prefix);
    const row = (name: string, r: typeof timers) => [
      name,
      String(r.fired),
      fixed(r.p50, 1),
      fixed(r.p99, 1),
      fixed(r.max, 1),
      String(r.duplicates),
      String(r.missed),
      String(r.early),
    ];
    return {
      title: `Session reminders: ${REMINDERS} due over one minute (session-reminders)`,
      tables: [
        {
          title: 'Lateness from the due time, in ms',
          columns: ['scheduler', 'fired', 'p50', 'p99', 'max', 'twice', 'missed', 'early'],
          rows: [row('Node timers (baseline)', timers), row('BullMQ delayed jobs (Cohorte)', real)],
        },
      ],
      targets: [
        {
          name: 'p99 lateness',
          measured: real.p99 / 1000,
          comparison: '<=',
          limit: 1,
          unit: 's',
          decimals: 3,
        },
        {
          name: 'reminders fired twice',
          measured: real.duplicates,
          comparison: '<=',
          limit: 0,
          unit: '',
          decimals: 0,
        },
        {
          name: 'reminders missed',
          measured: real.missed,
          comparison: '<=',
          limit: 0,
          unit: '',
          decimals: 0,
        },
      ],
      notes: [
        `Scheduling ${REMINDERS * 2} adds (each key twice) took ${(real.scheduledMs / 1000).toFixed(1)} s, before the first due time.`,
        'Same process for the scheduler, the worker and the recorder; Redis on the same machine.',
      ],
    };
  } finally {
    await dropKeys(redisUrl, prefix);
  }
}
