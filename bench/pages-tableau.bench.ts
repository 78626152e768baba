/**
 * The coordinators' dashboard (`/tableau`) on a community of 500 EIG in 60 défis with 12 weeks of stand-ups and
 * 2,000 bulloterie requests, served by Cohorte as it runs in production: compiled, one `node dist/src/main.js`
 * process (Slack mode, ROLE=all, its Web API a Slack double here), data seeded in Redis through the real stores.
 * Timed: each GET from this process on loopback, one at a time (so the figure is the server's time plus a local
 * round trip). Baseline in the same run: `/moi` of the same coordinator (the same layout and session checks,
 * little data). Memory: the process's RSS idle after start with the pages on (the target, read as
 * production-rss reads it), then 5 s and 30 s after serving the dashboards (reported, no target).
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { addCalendarDays } from '../src/core/time/days.js';
import { localDate } from '../src/core/time/local.js';
import { createStores } from '../src/store/index.js';
import { createCommandRedis, whenReady } from '../src/store/redis.js';
import { createPageLinks } from '../src/web/link.js';
import { startSlackDouble } from '../test/support/slack-double.js';
import { percentile } from './support/load.js';
import { waitForQuiet } from './support/machine.js';
import { dropKeys } from './support/redis.js';
import { type BenchReport, fixed } from './support/report.js';
import { buildCohorte, cpuMs, launchCompiledCohorte, rssMiB, stop } from './support/server-process.js';
import { BENCH_SIGNING_SECRET, freePort } from './support/slack-bench.js';
import { syntheticCommunity } from './support/standup-community.js';
import { type DashboardSeed, seedDashboard } from './support/tableau-seed.js';

// BENCH_QUICK=1 shortens the benchmark, to try it; its figures are not worth recording.
const QUICK = process.env.BENCH_QUICK === '1';
const WARMUPS = 5;
const RUNS = QUICK ? 20 : 100;
const SETTLE_MS = QUICK ? 1000 : 5000;
const LATE_MS = QUICK ? 2000 : 30_000;
const QUIET_WAIT_MS = QUICK ? 0 : 10_000;
const EIG = 500;
const DEFIS = 60;
const REQUESTS = 2000;
const LIMIT_MS = 300;
const RSS_LIMIT_MIB = 150;
const SECRET = 'bench-web-session-secret-0123456789abcdef';

/** Times `runs` GETs of `path`, one after the other; checks each answer is the page. */
async function timeGets(base: string, path: string, cookie: string, runs: number, mark: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await res.text();
    times.push(performance.now() - started);
    if (res.status !== 200 || !body.includes(mark)) throw new Error(`${path} answered ${res.status}`);
    bytes = Buffer.byteLength(body);
  }
  return { times, bytes };
}

const stats = (values: number[]) => {
  const sorted = Float64Array.from(values).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
};

/** Seeds, builds, starts the compiled bot, times the pages and reads its memory; everything removed after. */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench-tableau-${randomUUID().slice(0, 8)}`;
  const redis = createCommandRedis(redisUrl);
  const double = await startSlackDouble({ users: [] });
  let child: ChildProcess | undefined;
  let out = '';
  const communityFile = join(process.env.TMPDIR ?? '/tmp', `${prefix}.json`);
  try {
    await whenReady(redis);
    const now = new Date();
    const today = localDate(now, 'Europe/Paris');
    const community = syntheticCommunity({
      eig: EIG,
      defis: DEFIS,
      start: addCalendarDays(today, -200),
      end: addCalendarDays(today, 100),
    });
    // JSON is YAML: the bot reads this file as its community.yml.
    writeFileSync(communityFile, JSON.stringify(community.file));
    const stores = createStores(redis, prefix);
    process.stderr.write(
      `  seeding ${EIG} EIG, ${DEFIS} défis, 12 weeks, ${REQUESTS} requests under ${prefix}…\n`,
    );
    const seeded = await seedDashboard(stores, community, now, REQUESTS);
    process.stderr.write('  building…\n');
    out = await buildCohorte();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = await launchCompiledCohorte(
      out,
      {
        redisUrl,
        prefix,
        port,
        botToken: 'xoxb-bench-tableau',
        signingSecret: BENCH_SIGNING_SECRET,
        slackApiUrl: double.url,
        communityFile,
      },
      { WEB_SESSION_SECRET: SECRET, PUBLIC_URL: base },
    );
    const pid = child.pid ?? 0;
    await sleep(SETTLE_MS);
    const idleBefore = rssMiB(pid);
    const links = createPageLinks({
      secret: SECRET,
      baseUrl: base,
      store: stores.webSessions,
      now: () => new Date(),
    });
    const coordinator = community.data.coordinators[0]?.email ?? '';
    const entered = await fetch(await links.link(coordinator, 'tableau'), { redirect: 'manual' });
    const cookie = (entered.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const heading = 'Tableau de bord de la coordination';
    const cold = await timeGets(base, '/tableau', cookie, 1, heading);
    await timeGets(base, '/tableau', cookie, WARMUPS, heading);
    await timeGets(base, '/moi', cookie, WARMUPS, 'Ma semaine');
    const quiet = await waitForQuiet(QUIET_WAIT_MS);
    process.stderr.write(`  ${RUNS} GETs of each page…\n`);
    const moi = await timeGets(base, '/moi', cookie, RUNS, 'Ma semaine');
    const cpuBefore = cpuMs(pid);
    const tableau = await timeGets(base, '/tableau', cookie, RUNS, heading);
    const cpuPerPage = (cpuMs(pid) - cpuBefore) / RUNS;
    const csv = await timeGets(base, '/tableau?csv=grille-promo-bench', cookie, RUNS / 10, 'Défi');
    await sleep(SETTLE_MS);
    const idleAfter = rssMiB(pid);
    await sleep(LATE_MS - SETTLE_MS);
    const late = rssMiB(pid);
    return report({
      seeded,
      moi,
      tableau,
      csv,
      cold: cold.times[0] ?? Number.NaN,
      idleBefore,
      idleAfter,
      late,
      cpuPerPage,
      quiet,
    });
  } finally {
    await stop(child);
    await double.close();
    redis.disconnect();
    await dropKeys(redisUrl, prefix).catch(() => 0);
    if (out) rmSync(out, { recursive: true, force: true });
    rmSync(communityFile, { force: true });
  }
}

type Timed = { times: number[]; bytes: number };

function report(m: {
  seeded: DashboardSeed;
  moi: Timed;
  tableau: Timed;
  csv: Timed;
  cold: number;
  idleBefore: number;
  idleAfter: number;
  late: number;
  cpuPerPage: number;
  quiet: { quiet: boolean; busy: number };
}): BenchReport {
  const row = (name: string, t: Timed) => {
    const s = stats(t.times);
    return [
      name,
      String(t.times.length),
      fixed(s.p50, 1),
      fixed(s.p99, 1),
      fixed(s.max, 1),
      fixed(t.bytes / 1024, 1),
    ];
  };
  const tableau = stats(m.tableau.times);
  const { seeded } = m;
  return {
    title: `/tableau — ${EIG} EIG in ${DEFIS} défis, 12 weeks of stand-ups, ${REQUESTS} bulloterie requests (compiled bot)`,
    tables: [
      {
        title: 'GET, one at a time, on loopback (ms; KiB of the answer)',
        columns: ['page', 'requests', 'p50', 'p99', 'max', 'KiB'],
        rows: [
          row('baseline: /moi (same layout and session checks, little data)', m.moi),
          row('/tableau', m.tableau),
          row('/tableau?csv=grille-promo-bench (one table as CSV)', m.csv),
          ['/tableau, first request of the process', '1', fixed(m.cold, 1), '', '', ''],
          [
            '/tableau, CPU time of the bot per page (mean, /proc)',
            String(RUNS),
            fixed(m.cpuPerPage, 1),
            '',
            '',
            '',
          ],
        ],
      },
      {
        title: 'RSS of the bot (VmRSS, MiB)',
        columns: ['moment', 'RSS'],
        rows: [
          [`idle ${SETTLE_MS / 1000} s after start, pages on, none served yet`, fixed(m.idleBefore, 1)],
          [`${SETTLE_MS / 1000} s after serving ${RUNS + 2 * WARMUPS + 1} dashboards`, fixed(m.idleAfter, 1)],
          [`${LATE_MS / 1000} s after serving them`, fixed(m.late, 1)],
        ],
      },
      {
        title: 'What the dashboard read',
        columns: ['item', 'count'],
        rows: [
          ['closed stand-up periods in the 12 weeks', String(seeded.periods)],
          ['stand-ups (of which late)', `${seeded.entries} (${seeded.late})`],
          ['absences / help requests', `${seeded.absences} / ${seeded.help}`],
          ['bulloterie requests', String(seeded.requests)],
          ['recipients of the announcement', String(seeded.recipients)],
        ],
      },
    ],
    targets: [
      {
        name: '/tableau server time, p99',
        measured: tableau.p99,
        comparison: '<',
        limit: LIMIT_MS,
        unit: 'ms',
        decimals: 1,
      },
      {
        name: 'bot idle RSS, pages loaded (as production-rss)',
        measured: m.idleBefore,
        comparison: '<',
        limit: RSS_LIMIT_MIB,
        unit: 'MiB',
        decimals: 1,
      },
    ],
    notes: [
      `machine ${m.quiet.quiet ? 'quiet' : 'busy'} before timing (${(m.quiet.busy * 100).toFixed(0)} % of one core used by others)`,
      'the bot reads Redis in a few pipelines per section (answers of 12 periods, absences, help, requests), not per item',
    ],
  };
}
