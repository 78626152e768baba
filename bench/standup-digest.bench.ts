/**
 * Stand-up (digests): the digests of a promotion of 500 EIG in 60 défis and the coordinators' roll-up, as
 * `jobs/standup-digest.job.ts` builds them from Redis, then rendered to Block Kit — without sending: the outbox is
 * an in-memory collector. Baselines in the same run, on the same seeded data: the job's Redis calls alone (the
 * answers and help reads; then every call it makes), and the building + rendering alone on an in-memory store.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { standupDigestJob } from '../jobs/standup-digest.job.js';
import { renderSlack, type SlackPayload } from '../src/chat/slack/slack-render.js';
import type { Delivery, Outbox, Services } from '../src/core/ports.js';
import { createRoster } from '../src/core/roster/roster.js';
import { type Period, periodAt } from '../src/core/standup/period.js';
import type { StandupStore } from '../src/core/standup/store.js';
import { localDate } from '../src/core/time/local.js';
import { cronCheck, cronNext } from '../src/queue/cron.js';
import { createStores } from '../src/store/index.js';
import { combinePersonalData } from '../src/store/personal-data.js';
import { createCommandRedis, isRedisUnavailable, whenReady } from '../src/store/redis.js';
import { dropPrefix } from '../test/support/cohorte.js';
import { percentile } from './support/load.js';
import { waitForQuiet } from './support/machine.js';
import { type BenchReport, fixed } from './support/report.js';
import { syntheticCommunity } from './support/standup-community.js';
import { memoryStandupStore, type SeededPeriod, seedStandups } from './support/standup-seed.js';

// BENCH_QUICK=1 shortens the benchmark, to try it; its figures are not worth recording.
const QUICK = process.env.BENCH_QUICK === '1';
const WARMUPS = 3;
const RUNS = QUICK ? 5 : 20;
const QUIET_WAIT_MS = QUICK ? 0 : 10_000;
const EIG = 500;
const DEFIS = 60;
const LIMIT_MS = 200;
/** Friday 27 November 2026 at 15:00 in Paris: the digest time (= deadline) of week 48's period. */
const NOW = new Date('2026-11-27T15:00:00+01:00');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** One timed digest: the job's run, the rendering of what it sent, and when each défi's digest was sent. */
interface DigestRun {
  jobMs: number;
  renderMs: number;
  totalMs: number;
  /** Time from the previous digest (the start of the run for the first) to each défi's digest. */
  perDefiMs: number[];
  messages: number;
  payloads: SlackPayload[];
}

/** Services for the digest job only: the given stand-up store, a collecting outbox, a fixed clock. */
function digestServices(
  base: Omit<Services, 'standups' | 'outbox'>,
  standups: StandupStore,
  sent: { at: number; delivery: Delivery }[],
): Services {
  const outbox: Outbox = {
    send: async (delivery) => {
      sent.push({ at: performance.now(), delivery });
    },
    sendMany: async (deliveries) => {
      for (const delivery of deliveries) sent.push({ at: performance.now(), delivery });
    },
    // Digests never edit what they posted.
    update: async () => undefined,
    statuses: async (keys) => keys.map(() => ({ state: 'pending' as const })),
    cancel: async () => 0,
    postsPerSecond: 8,
  };
  return { ...base, standups, outbox };
}

async function digestOnce(services: Services, sent: { at: number; delivery: Delivery }[], ritualId: string) {
  sent.length = 0;
  const started = performance.now();
  await standupDigestJob.run(services, { ritualId, manual: true });
  const ran = performance.now();
  const payloads = sent.flatMap((s) => renderSlack(s.delivery.message));
  const rendered = performance.now();
  const digests = sent.filter((s) => s.delivery.key.startsWith('standup-digest:'));
  const run: DigestRun = {
    jobMs: ran - started,
    renderMs: rendered - ran,
    totalMs: rendered - started,
    perDefiMs: digests.map((s, i) => s.at - (i === 0 ? started : (digests[i - 1]?.at ?? started))),
    messages: sent.length,
    payloads,
  };
  return run;
}

/** The job's two bulk reads, as it makes them: every answer of the period (HVALS), then the help requests. */
async function readsOnly(store: StandupStore, ritualId: string, periodId: string): Promise<number> {
  const started = performance.now();
  await store.entries(ritualId, periodId);
  await store.helpFor(ritualId, periodId);
  return performance.now() - started;
}

/** The job's name look-ups alone: `roster.person` for every EIG of every défi, as it makes them. */
function namesOnly(services: Services): number {
  const started = performance.now();
  for (const defi of services.roster.data.promotions[0]?.defis ?? []) {
    for (const eig of defi.eig) services.roster.person(eig.email, [], NOW);
  }
  return performance.now() - started;
}

/** Every Redis call the job makes, in its order, with nothing built: bulk reads, absences (one MGET), claims. */
async function allCallsOnly(services: Services, ritualId: string, period: Period): Promise<number> {
  const { standups } = services;
  const started = performance.now();
  await standups.entries(ritualId, period.id);
  await standups.helpFor(ritualId, period.id);
  const defis = services.roster.data.promotions[0]?.defis ?? [];
  await standups.absencesOf(defis.flatMap((d) => d.eig.map((p) => p.email)));
  for (const defi of defis) {
    await standups.claimDigest(ritualId, period.id, defi.id, { deliveryKey: 'bench', channel: defi.channel });
  }
  return performance.now() - started;
}

const stats = (values: number[]) => {
  const sorted = Float64Array.from(values).sort();
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN, mean };
};
const ms = (value: number) => fixed(value, 1);
const statsRow = (name: string, values: number[]) => {
  const s = stats(values);
  return [name, ms(s.p50), ms(s.p95), ms(s.max), ms(s.mean)];
};

/**
 * Runs the benchmark: seeds a period under a unique Redis prefix, then per round (3 warm-up, 20 measured) the
 * reads alone, every Redis call alone, the job + rendering on Redis, and the job + rendering in memory. The
 * prefix is removed and the connection closed, even on error.
 */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!LOOPBACK.has(new URL(redisUrl).hostname))
    throw new Error('the benchmark only runs on a loopback Redis');
  const prefix = `bench-digest-${randomUUID().slice(0, 8)}`;
  const redis = createCommandRedis(redisUrl);
  try {
    await whenReady(redis);
    const community = syntheticCommunity({ eig: EIG, defis: DEFIS, start: '2026-09-07', end: '2027-06-26' });
    const { data, ritual } = community;
    const promotion = data.promotions[0];
    const period = promotion && periodAt(ritual, promotion, NOW, data.timezone);
    if (!period) throw new Error('the synthetic promotion has no stand-up period at the benchmark’s date');
    const stores = createStores(redis, prefix);
    process.stderr.write(`  seeding ${EIG} EIG in ${DEFIS} défis under ${prefix}…\n`);
    const seeded = await seedStandups(
      stores.standups,
      community,
      { id: period.id, deadlineDay: localDate(period.deadlineAt, data.timezone), at: NOW },
      { absent: 0.05, posted: 0.85, help: 60, elsewhere: 0.08 },
    );
    const base: Omit<Services, 'standups' | 'outbox'> = {
      roster: createRoster(data),
      people: stores.people,
      announcements: stores.announcements,
      rituals: stores.rituals,
      sessions: stores.sessions,
      calendarFeed: undefined,
      pages: undefined,
      // The digest never schedules anything.
      schedules: {
        upsert: async () => undefined,
        remove: async () => undefined,
        cronNext,
        cronCheck,
        once: async () => undefined,
        cancelOnce: async () => false,
      },
      personalData: combinePersonalData(stores.personalSources),
      bulle: stores.bulle,
      directory: { emailOf: async () => undefined, userIdOf: async () => undefined },
      clock: { now: () => NOW },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      isUnavailable: isRedisUnavailable,
    };
    const sent: { at: number; delivery: Delivery }[] = [];
    const onRedis = digestServices(base, stores.standups, sent);
    const inMemory = digestServices(base, memoryStandupStore(seeded), sent);

    const cold = await digestOnce(onRedis, sent, ritual.id);
    for (let i = 1; i < WARMUPS; i++) {
      await readsOnly(stores.standups, ritual.id, period.id);
      await allCallsOnly(onRedis, ritual.id, period);
      namesOnly(onRedis);
      await digestOnce(onRedis, sent, ritual.id);
      await digestOnce(inMemory, sent, ritual.id);
    }
    const before = await waitForQuiet(QUIET_WAIT_MS);
    process.stderr.write(`  ${RUNS} measured rounds…\n`);
    const rounds = {
      reads: [] as number[],
      calls: [] as number[],
      names: [] as number[],
      redis: [] as DigestRun[],
      memory: [] as DigestRun[],
    };
    for (let i = 0; i < RUNS; i++) {
      rounds.reads.push(await readsOnly(stores.standups, ritual.id, period.id));
      rounds.calls.push(await allCallsOnly(onRedis, ritual.id, period));
      rounds.names.push(namesOnly(onRedis));
      rounds.redis.push(await digestOnce(onRedis, sent, ritual.id));
      rounds.memory.push(await digestOnce(inMemory, sent, ritual.id));
    }
    return report({ rounds, cold, seeded, before, periodId: period.id });
  } finally {
    redis.disconnect();
    await dropPrefix(prefix, redisUrl);
  }
}

interface Measured {
  rounds: { reads: number[]; calls: number[]; names: number[]; redis: DigestRun[]; memory: DigestRun[] };
  cold: DigestRun;
  seeded: SeededPeriod;
  before: { quiet: boolean; busy: number };
  periodId: string;
}

function report({ rounds, cold, seeded, before, periodId }: Measured): BenchReport {
  const total = rounds.redis.map((r) => r.totalMs);
  const totalStats = stats(total);
  const perDefi = rounds.redis.flatMap((r) => r.perDefiMs);
  const sample = rounds.redis[0] ?? cold;
  const blocks = sample.payloads.map((p) => p.blocks.length);
  const wrongCounts = [...rounds.redis, ...rounds.memory].filter((r) => r.messages !== DEFIS + 1).length;
  const { counts } = seeded;
  return {
    title: `Stand-up digests — ${EIG} EIG in ${DEFIS} défis, read from Redis, rendered for Slack`,
    tables: [
      {
        title: `Per run, ${RUNS} runs after ${WARMUPS} warm-ups (ms)`,
        columns: ['measure', 'p50', 'p95', 'max', 'mean'],
        rows: [
          statsRow('baseline: answers + help reads (HVALS, SMEMBERS + MGET)', rounds.reads),
          statsRow(`baseline: every Redis call of the job (${4 + DEFIS} round trips)`, rounds.calls),
          statsRow(
            'job on Redis: reads + 60 digests + roll-up',
            rounds.redis.map((r) => r.jobMs),
          ),
          statsRow(
            'render 61 messages to Block Kit',
            rounds.redis.map((r) => r.renderMs),
          ),
          statsRow('TOTAL: job on Redis + render', total),
          statsRow(
            'job + render on an in-memory store (no Redis)',
            rounds.memory.map((r) => r.totalMs),
          ),
          statsRow(`of which: ${EIG} × roster.person (names), alone`, rounds.names),
        ],
      },
      {
        title: 'Per défi (ms)',
        columns: ['measure', 'p50', 'p95', 'max', 'mean'],
        rows: [
          statsRow(
            'TOTAL / 60 défis',
            total.map((t) => t / DEFIS),
          ),
          statsRow('one défi in the job (absences, claim, build; every run)', perDefi),
        ],
      },
      {
        title: 'What one run produces and reads',
        columns: ['item', 'count'],
        rows: [
          ['messages (60 défi digests + roll-up)', String(sample.messages)],
          ['Slack payloads after rendering', String(sample.payloads.length)],
          [
            'blocks, all payloads / most in one',
            `${blocks.reduce((a, b) => a + b, 0)} / ${Math.max(...blocks)}`,
          ],
          ['JSON of all payloads (KiB)', fixed(Buffer.byteLength(JSON.stringify(sample.payloads)) / 1024, 1)],
          [`answers in the period ${periodId}`, String(counts.posted)],
          ['help requests', String(counts.help)],
          [
            'absent on the deadline day / absent at other dates / silent',
            `${counts.absent} / ${counts.elsewhere} / ${counts.silent}`,
          ],
        ],
      },
    ],
    targets: [
      {
        name: 'digests + roll-up, total per run (max of the measured runs)',
        measured: totalStats.max,
        comparison: '<=',
        limit: LIMIT_MS,
        unit: 'ms',
        decimals: 1,
      },
      {
        name: 'digests + roll-up, first run in the process (cold)',
        measured: cold.totalMs,
        comparison: '<=',
        limit: LIMIT_MS,
        unit: 'ms',
        decimals: 1,
      },
      {
        name: '(sanity) runs without 61 messages',
        measured: wrongCounts,
        comparison: '<=',
        limit: 0,
        unit: '',
        decimals: 0,
      },
    ],
    notes: [
      'Total = `standupDigestJob.run(services, { manual: true })` on the real stores and a real Redis connection ' +
        '(outbox replaced by an in-memory collector) + `renderSlack` of every message it sent.',
      `first run in the process (cold, warm-up 1): job ${ms(cold.jobMs)} ms + render ${ms(cold.renderMs)} ms; ` +
        'a weekly job in a long-lived worker may well run this cold.',
      `Redis round trips per run: 2 bulk reads (+1 MGET), one MGET of the ${EIG} EIG's absences and one HSETNX ` +
        `per défi (${DEFIS}), all sequential.`,
      ...(before.quiet
        ? []
        : [`measured rounds started on a busy machine (${fixed(before.busy * 100, 0)} % of a core)`]),
    ],
  };
}
