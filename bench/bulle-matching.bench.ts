/**
 * Bulloterie: one matching round over 5,000 people, 50,000 bubbles and 2,000 open requests (plus 300
 * pairings in progress, for the load rule), as the weekly round does it: read everything from Redis
 * (`loadWorld`), then rank every request (`matchRound`). Each round runs in a fresh child process, so its peak RSS
 * is the round's. Baselines in the same run: the same child doing nothing but connecting (its RSS), and a matcher
 * without the index (every bubble compared with the request), timed on 100 requests and extrapolated.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { benchCommunity, benchThemes, OPEN_REQUESTS, PEOPLE, seedBulle } from './support/bulle-data.js';
import { waitForQuiet } from './support/machine.js';
import { dropKeys } from './support/redis.js';
import { type BenchReport, fixed, mebibytes } from './support/report.js';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 2 : 5;
const LIMIT_MS = 2_000;
const QUIET_WAIT_MS = QUICK ? 0 : 10_000;
/** Below this share of one core busy before a run, the machine counts as quiet. */
const QUIET_BUSY = 0.25;
const LIMIT_MIB = 300;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CHILD = fileURLToPath(new URL('./support/bulle-round-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const FiguresSchema = z.record(z.string(), z.number());

async function child(mode: 'idle' | 'round' | 'naive', prefix: string) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, BENCH_MODE: mode, BENCH_PREFIX: prefix, REDIS_URL },
    maxBuffer: 1 << 20,
  });
  return FiguresSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
}

export async function run(): Promise<BenchReport> {
  const prefix = `bench-bulle-${randomUUID().slice(0, 8)}`;
  try {
    process.stderr.write(`  seeding ${PEOPLE} people under ${prefix}…\n`);
    const seeded = await seedBulle(REDIS_URL, prefix, benchCommunity(benchThemes().themes).emails);
    const idle = await child('idle', prefix);
    const naive = await child('naive', prefix);
    const rounds: Record<string, number>[] = [];
    for (let i = 0; i < RUNS; i++) {
      // On a shared machine, a round started while something else computes measures that something too.
      const { busy } = await waitForQuiet(QUIET_WAIT_MS);
      rounds.push({ ...(await child('round', prefix)), busy });
    }
    // Runs started while other work held the cores measure that work too: the targets read the quiet runs when
    // there are some (the table shows every run).
    const quiet = rounds.filter((r) => (r.busy ?? 1) < QUIET_BUSY);
    const counted = quiet.length ? quiet : rounds;
    const worst = (key: string) => Math.max(...counted.map((r) => r[key] ?? Number.NaN));
    const rows = rounds.map((r, i) => [
      `round ${i + 1}`,
      fixed(r.readMs ?? Number.NaN, 0),
      fixed(r.matchMs ?? Number.NaN, 0),
      fixed(r.totalMs ?? Number.NaN, 0),
      fixed(r.warmTotalMs ?? Number.NaN, 0),
      String(r.proposed),
      fixed(mebibytes(r.peakRssBytes ?? Number.NaN), 1),
      `${fixed((r.busy ?? Number.NaN) * 100, 0)} %`,
    ]);
    rows.push([
      'idle child (baseline)',
      '',
      '',
      '',
      '',
      fixed(mebibytes(idle.peakRssBytes ?? Number.NaN), 1),
    ]);
    const checksums = new Set(rounds.map((r) => r.checksum));
    return {
      title: `Bulloterie matching round: ${PEOPLE} people, ${seeded.entries} bubbles, ${OPEN_REQUESTS} open requests`,
      tables: [
        {
          title: `One round per fresh process (${seeded.topics} distinct topics, ${seeded.requests} requests stored)`,
          columns: [
            'run',
            'read ms',
            'match ms',
            'total ms',
            'again (warm) ms',
            'proposed',
            'peak RSS MiB',
            'machine busy before',
          ],
          rows,
        },
        {
          title: 'Ranking one request: with the index vs comparing every bubble (baseline, 100 requests)',
          columns: ['matcher', 'ms per request', `ms for ${OPEN_REQUESTS} requests`],
          rows: [
            [
              'indexed (matchRound)',
              fixed(naive.indexedSampleMsPerRequest ?? Number.NaN, 3),
              fixed((naive.indexedSampleMsPerRequest ?? Number.NaN) * OPEN_REQUESTS, 0),
            ],
            [
              'every bubble compared',
              fixed(naive.naiveMsPerRequest ?? Number.NaN, 3),
              fixed((naive.naiveMsPerRequest ?? Number.NaN) * OPEN_REQUESTS, 0),
            ],
          ],
        },
      ],
      targets: [
        {
          name: 'first round of a process (read + match), worst counted run',
          measured: worst('totalMs'),
          comparison: '<',
          limit: LIMIT_MS,
          unit: 'ms',
          decimals: 0,
        },
        {
          name: 'peak RSS of the round’s process, worst counted run',
          measured: mebibytes(worst('peakRssBytes')),
          comparison: '<',
          limit: LIMIT_MIB,
          unit: 'MiB',
          decimals: 1,
        },
      ],
      notes: [
        quiet.length
          ? `targets read the ${quiet.length} run(s) started on a quiet machine (< ${QUIET_BUSY * 100} % of a core busy)`
          : 'no run started on a quiet machine: targets read every run',
        checksums.size === 1
          ? 'every run proposed the same candidates (determinism)'
          : 'runs proposed different candidates!',
        'the round then records each proposal and sends two DMs through the outbox (not timed here: BullMQ jobs, rate-limited by Slack anyway)',
      ],
    };
  } finally {
    await dropKeys(REDIS_URL, prefix);
  }
}
