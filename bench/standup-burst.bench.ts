/**
 * Stand-up (burst): 200 `/standup priorités: … ; aide: …` from 200 different EIG within one second, through
 * Cohorte's real Slack receiver (child process, real Redis, Slack Web API double): every one acknowledged within
 * 3 s, with its confirmation, and stored. Two bursts: the first posts of people Cohorte has never seen (each costs
 * a `users.info`), then the same people editing (identities cached). Baseline in the same run: the same burst
 * against a bare Bolt app that only acknowledges.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fr } from '../src/core/i18n/fr.js';
import { periodAt } from '../src/core/standup/period.js';
import { addCalendarDays } from '../src/core/time/days.js';
import { localDate } from '../src/core/time/local.js';
import { createStores } from '../src/store/index.js';
import { createCommandRedis, whenReady } from '../src/store/redis.js';
import { dropPrefix } from '../test/support/cohorte.js';
import { slackSignature, slashCommandBody } from '../test/support/slack-sign.js';
import { type BurstResult, sendBurst } from './support/burst.js';
import { type ChildServer, startChild } from './support/child.js';
import { waitForQuiet } from './support/machine.js';
import { type BenchReport, fixed, target } from './support/report.js';
import { BENCH_SIGNING_SECRET } from './support/slack-bench.js';
import { frenchText, helpText, seededRandom, syntheticCommunity } from './support/standup-community.js';

// BENCH_QUICK=1 skips the waits for a quiet machine, to try the benchmark; its figures are not worth recording.
const QUICK = process.env.BENCH_QUICK === '1';
const BURST = 200;
const WARMUP = 16;
const SPREAD_MS = 1_000;
const ACK_DEADLINE_MS = 3_000;
const QUIET_WAIT_MS = QUICK ? 0 : 6_000;
const TIMEZONE = 'Europe/Paris';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The start of the confirmations a person reads (French catalog), up to the exclamation mark. */
const RECORDED = fr['standup.recorded'].slice(0, fr['standup.recorded'].indexOf(' !'));
const UPDATED = fr['standup.updated'].slice(0, fr['standup.updated'].indexOf(' !'));

/** One EIG as the benchmark drives them: their Slack id, and what they type in each burst. */
interface Sender {
  id: string;
  email: string;
  name: string;
  first: { priorities: string; help: string };
  edit: { priorities: string; help: string };
}

const command = (s: { priorities: string; help: string }) => `priorités: ${s.priorities} ; aide: ${s.help}`;

/** Signed `/standup` requests of `senders`, typing `which`, with a response URL served by the double. */
function standupRequests(senders: Sender[], which: 'first' | 'edit', responseUrl: string) {
  const bodies = senders.map((s) =>
    slashCommandBody({ command: '/standup', text: command(s[which]), userId: s.id, responseUrl }),
  );
  return (i: number) => {
    const body = bodies[i] ?? '';
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(BENCH_SIGNING_SECRET, timestamp, body),
      },
    };
  };
}

/** One measured burst, with the server's CPU time over it. */
interface Burst {
  name: string;
  result: BurstResult;
  cpuMs: number;
  before: { quiet: boolean; busy: number };
}

async function burst(
  name: string,
  server: ChildServer,
  senders: Sender[],
  which: 'first' | 'edit',
  check?: (body: string, sender: Sender) => boolean,
): Promise<Burst> {
  const before = await waitForQuiet(QUIET_WAIT_MS);
  process.stderr.write(`  ${name}: ${senders.length} commands over ${SPREAD_MS} ms…\n`);
  const cpuBefore = (await server.stats()).cpuMicros;
  const build = standupRequests(senders, which, server.info.responseUrl ?? 'http://127.0.0.1:9/response/x');
  const result = await sendBurst({
    port: server.port,
    path: '/slack/events',
    count: senders.length,
    spreadMs: SPREAD_MS,
    build,
    deadlineMs: ACK_DEADLINE_MS,
    ...(check ? { check: (body: string, i: number) => check(body, senders[i] as Sender) } : {}),
  });
  const cpuMs = ((await server.stats()).cpuMicros - cpuBefore) / 1000;
  return { name, result, cpuMs, before };
}

/**
 * Runs the benchmark: writes a community of 216 EIG (200 who burst, 16 who warm the servers up) to a temporary
 * directory, starts a bare Bolt app and Cohorte, warms both up, then bursts: bare Bolt, Cohorte first posts,
 * Cohorte edits; after each Cohorte burst, reads the period's answers from Redis. Children, files and the Redis
 * prefix are removed, even on error.
 */
export async function run(): Promise<BenchReport> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!LOOPBACK.has(new URL(redisUrl).hostname))
    throw new Error('the benchmark only runs on a loopback Redis');
  const prefix = `bench-burst-${randomUUID().slice(0, 8)}`;
  const dir = await mkdtemp(join(tmpdir(), 'cohorte-burst-'));
  const redis = createCommandRedis(redisUrl);
  const servers: ChildServer[] = [];
  try {
    const today = localDate(new Date(), TIMEZONE);
    const community = syntheticCommunity({
      eig: BURST + WARMUP,
      defis: (BURST + WARMUP) / 8,
      start: addCalendarDays(today, -70),
      end: addCalendarDays(today, 200),
    });
    const { ritual } = community;
    const promotion = community.data.promotions[0];
    const period = promotion && periodAt(ritual, promotion, new Date(), TIMEZONE);
    if (!period) throw new Error(`no stand-up period this week (${today}): a week without a working day?`);
    const random = seededRandom(200);
    const senders: Sender[] = community.eig.map((p, i) => ({
      id: `U0B${String(i).padStart(4, '0')}`,
      email: p.email,
      name: p.name,
      first: { priorities: frenchText(random, 100, 300), help: helpText(random) },
      edit: { priorities: frenchText(random, 100, 300), help: helpText(random) },
    }));
    const communityFile = join(dir, 'community.yml');
    const usersFile = join(dir, 'slack-users.json');
    // JSON is YAML: the loader reads it as any community file.
    await writeFile(communityFile, JSON.stringify(community.file, null, 1));
    await writeFile(usersFile, JSON.stringify(senders.map(({ id, email, name }) => ({ id, email, name }))));

    const bare = await startChild('bare Bolt', new URL('./bare-bolt-server.ts', import.meta.url));
    servers.push(bare);
    const cohorte = await startChild('Cohorte', new URL('./cohorte-server.ts', import.meta.url), {
      env: {
        BENCH_REDIS_PREFIX: prefix,
        BENCH_REDIS_URL: redisUrl,
        BENCH_COMMUNITY_FILE: communityFile,
        BENCH_SLACK_USERS_FILE: usersFile,
      },
    });
    servers.push(cohorte);
    await whenReady(redis);

    const bursting = senders.slice(0, BURST);
    const warming = senders.slice(BURST);
    const confirms = (start: string) => (body: string, s: Sender) =>
      body.includes(start) && body.includes(s.name);
    // One command at a time from the warm-up people: code paths compiled, connections open, nothing queued.
    process.stderr.write(`  warm-up: ${WARMUP} commands to each server, one at a time…\n`);
    for (const server of [bare, cohorte]) {
      const build = standupRequests(
        warming,
        'first',
        server.info.responseUrl ?? 'http://127.0.0.1:9/response/x',
      );
      const spread = {
        port: server.port,
        path: '/slack/events',
        count: 1,
        spreadMs: 0,
        deadlineMs: ACK_DEADLINE_MS,
      };
      for (let i = 0; i < warming.length; i++) await sendBurst({ ...spread, build: () => build(i) });
    }

    const bursts = [await burst('bare Bolt', bare, bursting, 'first')];
    const stored = async (which: 'first' | 'edit') => {
      const entries = await createStores(redis, prefix).standups.entries(ritual.id, period.id);
      const byEmail = new Map(entries.map((e) => [e.email, e]));
      return bursting.filter((s) => {
        const entry = byEmail.get(s.email);
        return (
          entry?.answers.priorites === s[which].priorities &&
          entry.answers.aide === s[which].help &&
          entry.edits === (which === 'first' ? 0 : 1)
        );
      }).length;
    };
    const helpRequests = async () =>
      (await createStores(redis, prefix).standups.helpFor(ritual.id, period.id)).length;
    bursts.push(await burst('Cohorte, first posts', cohorte, bursting, 'first', confirms(RECORDED)));
    const storedFirst = await stored('first');
    const helpFirst = await helpRequests();
    bursts.push(await burst('Cohorte, edits', cohorte, bursting, 'edit', confirms(UPDATED)));
    const storedEdit = await stored('edit');
    const counters = (await cohorte.stats()).counters;
    return report({ bursts, storedFirst, storedEdit, helpFirst, counters, periodId: period.id, servers });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    redis.disconnect();
    await dropPrefix(prefix, redisUrl);
    await rm(dir, { recursive: true, force: true });
  }
}

interface Outcome {
  bursts: Burst[];
  storedFirst: number;
  storedEdit: number;
  helpFirst: number;
  counters: Record<string, number>;
  periodId: string;
  servers: ChildServer[];
}

function report({
  bursts,
  storedFirst,
  storedEdit,
  helpFirst,
  counters,
  periodId,
  servers,
}: Outcome): BenchReport {
  const ms = (value: number) => fixed(value, 1);
  const [bare, first, edit] = bursts as [Burst, Burst, Burst];
  return {
    title: `Stand-up: a burst of ${BURST} \`/standup <texte>\` within ${SPREAD_MS / 1000} s — Cohorte vs bare Bolt`,
    tables: [
      {
        title: 'Bursts (ack latency: request written → HTTP response read)',
        columns: [
          'burst',
          'sent',
          'ok',
          `late > ${ACK_DEADLINE_MS / 1000} s`,
          'errors',
          'p50 ms',
          'p99 ms',
          'max ms',
          'peak in flight',
          'server CPU ms',
          'CPU ms/cmd',
        ],
        rows: bursts.map(({ name, result: r, cpuMs }) => [
          name,
          String(r.sent),
          String(r.ok),
          String(r.late),
          String(r.errors),
          ms(r.p50),
          ms(r.p99),
          ms(r.max),
          String(r.peakInFlight),
          fixed(cpuMs, 0),
          fixed(cpuMs / r.sent, 2),
        ]),
      },
      {
        title: `Stored in Redis (period ${periodId}), read back through the store`,
        columns: ['check', 'count'],
        rows: [
          ['entries matching the first posts (edits = 0), after burst 1', String(storedFirst)],
          ['help requests of the period, after burst 1 (incl. warm-up)', String(helpFirst)],
          ['entries matching the edits (edits = 1), after burst 2', String(storedEdit)],
          [
            'Slack API calls by Cohorte / of which users.info',
            `${counters.slackApiCalls} / ${counters.usersInfo}`,
          ],
          ['replies sent through response_url (slow path)', String(counters.responseUrlPosts)],
        ],
      },
    ],
    targets: [
      target('first posts: acks late (> 3 s) or failed', first.result.late, '<=', 0),
      target('edits: acks late (> 3 s) or failed', edit.result.late, '<=', 0),
      target('first posts: p99 ack', first.result.p99, '<', ACK_DEADLINE_MS, 'ms'),
      target('first posts stored', storedFirst, '>=', BURST),
      target('edits stored', storedEdit, '>=', BURST),
      target(
        '(sanity) wrong or failed answers, all bursts',
        bursts.reduce((sum, b) => sum + b.result.errors, 0),
        '<=',
        0,
      ),
    ],
    notes: [
      `${BURST} commands from ${BURST} EIG, sent on an open-loop schedule (one every ${SPREAD_MS / BURST} ms), each ` +
        `on its own connection; ${WARMUP} other EIG warmed each server up first, one command at a time.`,
      'Cohorte’s CPU includes its Slack double (same process: `users.info` of the first posts) and its idle ' +
        'BullMQ workers; one `users.info` per person, then cached in Redis.',
      `p99 ack, Cohorte / bare Bolt: first posts ${fixed(first.result.p99 / bare.result.p99, 1)}×, edits ` +
        `${fixed(edit.result.p99 / bare.result.p99, 1)}×.`,
      ...bursts.map(
        (b) =>
          `${b.name}: sends spanned ${ms(b.result.sendSpanMs)} ms, worst lag behind schedule ${ms(b.result.maxScheduleLagMs)} ms` +
          (b.before.quiet
            ? ''
            : `; started on a busy machine (${fixed(b.before.busy * 100, 0)} % of a core)`) +
          (b.result.firstError ? `; first error: ${b.result.firstError}` : ''),
      ),
      ...servers.map(({ name, stderr }) => {
        const { count, tail } = stderr();
        return `${name} wrote ${count} line(s) on stderr${count ? `; last: ${tail.at(-1)}` : ''}`;
      }),
    ],
  };
}
