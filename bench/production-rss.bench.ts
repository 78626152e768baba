/**
 * Cohorte's memory as it runs in production: compiled to JavaScript (as `npm run build` and the Docker image do),
 * one `node dist/src/main.js` process in Slack mode with ROLE=all (web server, workers, schedulers), its Web API a
 * Slack double in this process. Baseline in the same run: a bare Bolt app in plain JavaScript. Both are read from
 * /proc (VmRSS) when idle after start, 5 s after a load of `/cohorte moi`, and 30 s after it.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { COMMUNITY_FILE } from '../test/support/cohorte.js';
import { startSlackDouble } from '../test/support/slack-double.js';
import { measureLoad } from './support/load.js';
import { dropKeys, pingRedis } from './support/redis.js';
import type { BenchReport } from './support/report.js';
import { buildCohorte, launch, launchCompiledCohorte, ROOT, rssMiB, stop } from './support/server-process.js';
import { BENCH_SIGNING_SECRET, BENCH_USER, freePort, signedSlashCommands } from './support/slack-bench.js';

const QUICK = process.env.BENCH_QUICK === '1';
const SETTLE_MS = QUICK ? 1000 : 5000;
const LATE_MS = QUICK ? 2000 : 30_000;
const LOAD_MS = QUICK ? 2000 : 10_000;

/** Idle, after load and late RSS of one server, with the load's throughput. */
async function measure(child: ChildProcess, port: number, check?: (body: string) => boolean) {
  const pid = child.pid ?? 0;
  await sleep(SETTLE_MS);
  const idle = rssMiB(pid);
  const build = signedSlashCommands({ command: '/cohorte', text: 'moi', userId: BENCH_USER.id });
  const load = await measureLoad({
    port,
    path: '/slack/events',
    concurrency: 16,
    warmupMs: 1000,
    durationMs: LOAD_MS,
    build,
    ...(check ? { check } : {}),
  });
  await sleep(SETTLE_MS);
  const after = rssMiB(pid);
  await sleep(LATE_MS - SETTLE_MS);
  return { idle, after, late: rssMiB(pid), ok: load.ok, errors: load.errors };
}

/** Builds Cohorte to a temporary folder, runs both servers one after the other, and reports their memory. */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await pingRedis(redisUrl);
  const prefix = `bench-rss-${randomUUID().slice(0, 8)}`;
  const double = await startSlackDouble({ users: [BENCH_USER] });
  let child: ChildProcess | undefined;
  let out = '';
  try {
    out = await buildCohorte();
    const cohortePort = await freePort();
    child = await launchCompiledCohorte(out, {
      redisUrl,
      prefix,
      port: cohortePort,
      botToken: 'xoxb-bench-rss',
      signingSecret: BENCH_SIGNING_SECRET,
      slackApiUrl: double.url,
      communityFile: COMMUNITY_FILE,
    });
    const cohorte = await measure(child, cohortePort, (body) => body.includes(BENCH_USER.name));
    await stop(child);
    const barePort = await freePort();
    child = await launch(
      [join(ROOT, 'bench/bare-bolt-plain.mjs')],
      { PORT: String(barePort), SIGNING_SECRET: BENCH_SIGNING_SECRET },
      (text) => text.includes('ready'),
    );
    const bare = await measure(child, barePort);
    const row = (name: string, m: typeof cohorte) => [
      name,
      m.idle.toFixed(1),
      m.after.toFixed(1),
      m.late.toFixed(1),
      String(m.ok),
      String(m.errors),
    ];
    return {
      title: 'Production memory: compiled Cohorte vs bare Bolt (RSS, MiB)',
      tables: [
        {
          title: `RSS (VmRSS) idle ${SETTLE_MS / 1000} s after start, ${SETTLE_MS / 1000} s and ${LATE_MS / 1000} s after ${LOAD_MS / 1000} s of /cohorte moi at concurrency 16`,
          columns: ['server', 'idle', 'after load', 'late', 'answered', 'errors'],
          rows: [row('bare Bolt (plain JS)', bare), row('Cohorte (node dist/src/main.js)', cohorte)],
        },
      ],
      targets: [
        {
          name: 'Cohorte idle RSS, compiled',
          measured: cohorte.idle,
          comparison: '<',
          limit: 150,
          unit: 'MiB',
          decimals: 1,
        },
        {
          name: '(sanity) errors under load',
          measured: cohorte.errors,
          comparison: '<=',
          limit: 0,
          unit: '',
          decimals: 0,
        },
      ],
      notes: [
        'one process each: no tsx, npm or esbuild process in the figures (the dev `npm start` adds them)',
        `Cohorte ran with ROLE=all: HTTP receiver, both BullMQ workers and the schedulers, Redis at ${redisUrl}`,
      ],
    };
  } finally {
    await stop(child);
    await double.close();
    await dropKeys(redisUrl, prefix).catch(() => 0);
    if (out) rmSync(out, { recursive: true, force: true });
  }
}
