/**
 * Mattermost: command round trip, `/cohorte moi` typed by the same coordinator, through Cohorte's
 * `/mattermost/command` endpoint (token checked in constant time, JSON answer) and through Cohorte's
 * Slack receiver (Bolt, HMAC signature), both real compositions in their own child process, measured in the same
 * run with alternating rounds. The Slack receiver is the baseline.
 */
import { randomUUID } from 'node:crypto';
import { recordedCommand } from '../test/support/mattermost-e2e.js';
import { type ChildServer, startChild } from './support/child.js';
import { type LoadRequest, type LoadResult, measureLoad } from './support/load.js';
import { waitForQuiet } from './support/machine.js';
import { dropKeys, pingRedis } from './support/redis.js';
import { type BenchReport, fixed, target } from './support/report.js';
import { BENCH_USER, signedSlashCommands } from './support/slack-bench.js';

// BENCH_QUICK=1 shortens every phase, to try the benchmark itself; its figures are not worth recording.
const QUICK = process.env.BENCH_QUICK === '1';
const CONCURRENCY = 16;
const WARMUP_MS = QUICK ? 500 : 2_000;
const DURATION_MS = QUICK ? 2_000 : 8_000;
const QUIET_WAIT_MS = QUICK ? 0 : 60_000;
const ORDER = ['Slack', 'Mattermost', 'Slack', 'Mattermost'] as const;
type Platform = (typeof ORDER)[number];

/** The recorded Mattermost request with this run's token, user and command, as the server sends it. */
function mattermostCommands(token: string, teamId: string, responseUrl: string): () => LoadRequest {
  const recorded = recordedCommand();
  const form = new URLSearchParams(recorded.raw_body);
  form.set('command', '/cohorte');
  form.set('text', 'moi');
  form.set('token', token);
  form.set('team_id', teamId);
  form.set('user_id', BENCH_USER.id);
  form.set('response_url', responseUrl);
  const body = form.toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    authorization: `Token ${token}`,
  };
  return () => ({ body, headers });
}

/** Runs the rounds; both children stopped and the Redis prefixes removed, even on error. */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await pingRedis(redisUrl);
  const prefixes = {
    Slack: `bench-mm-slack-${randomUUID().slice(0, 8)}`,
    Mattermost: `bench-mm-${randomUUID().slice(0, 8)}`,
  };
  const servers: ChildServer[] = [];
  try {
    const env = (platform: Platform) => ({
      BENCH_REDIS_PREFIX: prefixes[platform],
      BENCH_REDIS_URL: redisUrl,
    });
    const slack = await startChild('Cohorte on Slack', new URL('./cohorte-server.ts', import.meta.url), {
      env: env('Slack'),
    });
    servers.push(slack);
    const mattermost = await startChild(
      'Cohorte on Mattermost',
      new URL('./cohorte-mattermost-server.ts', import.meta.url),
      { env: env('Mattermost') },
    );
    servers.push(mattermost);
    const { token = '', teamId = '', responseUrl = '' } = mattermost.info;
    const setups = {
      Slack: {
        child: slack,
        path: '/slack/events',
        build: signedSlashCommands({
          command: '/cohorte',
          text: 'moi',
          userId: BENCH_USER.id,
          responseUrl: slack.info.responseUrl ?? 'http://127.0.0.1:9/response/bench',
        }),
      },
      Mattermost: {
        child: mattermost,
        path: '/mattermost/command',
        build: mattermostCommands(token, teamId, responseUrl),
      },
    };
    const rounds: { platform: Platform; result: LoadResult; quiet: boolean }[] = [];
    for (const platform of ORDER) {
      const { quiet } = await waitForQuiet(QUIET_WAIT_MS);
      process.stderr.write(
        `  ${platform}: ${WARMUP_MS / 1000} s warm-up, ${DURATION_MS / 1000} s measured…\n`,
      );
      const { child, path, build } = setups[platform];
      const result = await measureLoad({
        port: child.port,
        path,
        concurrency: CONCURRENCY,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        build,
        check: (body) => body.includes(BENCH_USER.name),
      });
      rounds.push({ platform, result, quiet });
    }
    const counters = JSON.stringify((await mattermost.stats()).counters);
    return report(rounds, counters);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const prefix of Object.values(prefixes)) await dropKeys(redisUrl, prefix).catch(() => 0);
  }
}

function report(
  rounds: { platform: Platform; result: LoadResult; quiet: boolean }[],
  counters: string,
): BenchReport {
  const best = (platform: Platform) =>
    rounds
      .filter((r) => r.platform === platform)
      .reduce((a, b) => (b.result.throughput > a.result.throughput ? b : a));
  const slack = best('Slack').result;
  const mm = best('Mattermost').result;
  const row = (name: string, r: LoadResult) => [
    name,
    fixed(r.throughput, 0),
    fixed(r.p50, 2),
    fixed(r.p99, 2),
    fixed(r.max, 2),
    String(r.ok),
    String(r.errors),
  ];
  const columns = ['platform', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'ok', 'errors'];
  return {
    title: 'Mattermost: command round trip — `/mattermost/command` vs the Slack receiver',
    tables: [
      {
        title: 'Rounds',
        columns: ['round', ...columns],
        rows: rounds.map((r, i) => [String(i + 1), ...row(r.platform, r.result)]),
      },
      { title: 'Kept (best round of each)', columns, rows: [row('Slack', slack), row('Mattermost', mm)] },
    ],
    targets: [
      target(
        'Mattermost p99 round trip (Mattermost waits; people should get < 2 s)',
        mm.p99,
        '<=',
        2000,
        ' ms',
      ),
      target('p50, Mattermost / Slack receiver', mm.p50 / slack.p50, '<=', 1.5, '×'),
      target('p99, Mattermost / Slack receiver', mm.p99 / slack.p99, '<=', 1.5, '×'),
      target(
        '(sanity) errors + wrong answers, all rounds',
        rounds.reduce((s, r) => s + r.result.errors, 0),
        '<=',
        0,
      ),
    ],
    notes: [
      `${CONCURRENCY} concurrent keep-alive connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s measured per round, order ${ORDER.join(', ')}; the best round by throughput is kept per platform.`,
      'Both answers come from the same router and handler; the difference is the receiver: Bolt with HMAC signature on Slack, token check (in memory after the registration at boot, constant-time compare) and JSON rendering on Mattermost.',
      ...rounds.flatMap((r, i) => (r.quiet ? [] : [`round ${i + 1} started on a busy machine`])),
      ...rounds.flatMap((r, i) =>
        r.result.firstError ? [`round ${i + 1} (${r.platform}) first error: ${r.result.firstError}`] : [],
      ),
      `Mattermost double counters: ${counters}`,
    ],
  };
}
