/**
 * Tchap (Matrix), two measures in one run.
 * 1. `!cohorte moi` round trip through `/sync` (the person's message on the homeserver double → the bot's answer
 *    event there, by the double's own timestamps), one at a time, against the same command through Cohorte's
 *    Slack receiver (signed request → HTTP answer), alternating rounds. The calls' pace is raised for this part, so
 *    that the round trip is measured, not the 1 call per second Tchap asks for.
 * 2. An announcement DM'd to 300 people at 1 call per second, the homeserver double refusing anything faster
 *    (M_LIMIT_EXCEEDED): every DM room already exists (found in `m.direct`), so the floor is 300 sends at 1/s.
 *    Target ≤ 1.2 × that floor, 0 lost, 0 duplicate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { announcementCommunity } from '../test/support/announcement-community.js';
import { buttonValue } from '../test/support/announcement-flow.js';
import { startCohorte } from '../test/support/cohorte.js';
import { startMatrixDouble } from '../test/support/matrix-double.js';
import { MX_BOT, MX_PEOPLE, startMatrixE2e } from '../test/support/matrix-e2e.js';
import { command, PEOPLE, startSlackE2e } from '../test/support/slack-e2e.js';
import { waitFor } from '../test/support/wait.js';
import { type BenchReport, fixed, type Target, target } from './support/report.js';

// BENCH_QUICK=1 shortens every phase, to try the benchmark itself; its figures are not worth recording.
const QUICK = process.env.BENCH_QUICK === '1';
const ROUND_TRIPS = QUICK ? 20 : 150;
const DMS = QUICK ? 20 : 300;
const PER_SECOND = 1;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** `count` sequential `!cohorte moi` on Matrix: milliseconds from the message to the answer, server timestamps. */
async function matrixRoundTrips(count: number): Promise<number[]> {
  const e2e = await startMatrixE2e('bench-mx-rtt', { MATRIX_REQUESTS_PER_SECOND: '100', LOG_LEVEL: 'warn' });
  try {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const answer = await e2e.say(MX_PEOPLE.claire, '!cohorte moi');
      const first = answer.events[0]?.event;
      if (!first || !String(first.content.body).includes('Claire Dubois')) throw new Error('wrong answer');
      out.push(first.origin_server_ts - answer.asked.origin_server_ts);
    }
    return out;
  } finally {
    await e2e.stop();
  }
}

/** `count` sequential `/cohorte moi` through the Slack receiver: request to answer. */
async function slackRoundTrips(count: number): Promise<number[]> {
  const e2e = await startSlackE2e('bench-mx-slack', { LOG_LEVEL: 'warn' });
  try {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const answer = await command(e2e, PEOPLE.claire.id, 'moi');
      if (answer.status !== 200 || !answer.raw.includes('Claire Dubois')) throw new Error('wrong answer');
      out.push(performance.now() - started);
    }
    return out;
  } finally {
    await e2e.stop();
  }
}

/** The announcement to `count` DMs at 1 call/s: how long, and each person's copies. */
async function fanout(count: number) {
  const community = announcementCommunity(count, 'bench-mx');
  const mxOf = (email: string) => `@${email.replace('@', '-')}:bench.tchap`;
  // Every person's Matrix id written in the file (no identity server): the fan-out measures sending only.
  const yaml = readFileSync(community.file, 'utf8')
    .replace(
      /^ {10}- (eig\d+@beta\.gouv\.fr)$/gm,
      (_, email: string) => `          - { email: ${email}, matrix: '${mxOf(email)}' }`,
    )
    .replace(
      '  - { email: claire.dubois@beta.gouv.fr, name: Claire Dubois }',
      `  - { email: claire.dubois@beta.gouv.fr, name: Claire Dubois, matrix: '${MX_PEOPLE.claire.id}' }`,
    );
  writeFileSync(community.file, yaml);
  const double = await startMatrixDouble({
    botId: MX_BOT,
    users: [],
    perSecond: PER_SECOND,
    burst: 2,
  });
  const direct: Record<string, string[]> = {};
  const rooms = new Map<string, string>();
  for (const email of community.eig) {
    const room = double.state.createRoom(MX_BOT, [], true);
    double.state.join(room.id, mxOf(email));
    direct[mxOf(email)] = [room.id];
    rooms.set(email, room.id);
  }
  double.state.setAccountData(MX_BOT, 'm.direct', direct);
  const bot = await startCohorte({
    name: 'bench-mx-fanout',
    communityFile: community.file,
    env: {
      LOG_LEVEL: 'warn',
      MATRIX_HOMESERVER_URL: double.url,
      MATRIX_ACCESS_TOKEN: double.token,
      MATRIX_USER_ID: MX_BOT,
      MATRIX_REQUESTS_PER_SECOND: String(PER_SECOND),
    },
  });
  try {
    const user = { platform: 'matrix' as const, id: MX_PEOPLE.claire.id };
    const preview = await bot.cohorte.router.form({
      user,
      formId: 'annonce',
      values: { when: '', text: 'Appel à projets *ouvert*', audience: 'eig9', mode: 'dms' },
      context: '',
    });
    const value = buttonValue(preview, 'Envoyer');
    const copies = () =>
      community.eig.map(
        (email) =>
          double.botEvents(rooms.get(email)).filter((e) => e.txnId.startsWith('cohorte-out-')).length,
      );
    const started = Date.now();
    await bot.cohorte.router.action({ user, actionId: 'annonce', value, channel: '' });
    await waitFor(() => copies().every((n) => n > 0), (count / PER_SECOND) * 2000 + 60_000, 'every copy');
    const seconds = (Date.now() - started) / 1000;
    const sends = double.callsTo('PUT', '/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}');
    const limited = double.calls.filter((c) => c.errcode === 'M_LIMIT_EXCEEDED').length;
    const n = copies();
    return {
      seconds,
      lost: n.filter((c) => c === 0).length,
      duplicates: n.filter((c) => c > 1).length,
      sends: sends.length,
      limited,
      calls: double.calls.filter((c) => !c.template.endsWith('/sync')).length,
    };
  } finally {
    await bot.stop();
    await double.close();
  }
}

/** Runs both parts and reports them. */
export async function run(): Promise<BenchReport> {
  const rounds: { platform: 'Slack' | 'Matrix'; ms: number[] }[] = [];
  for (const platform of ['Slack', 'Matrix', 'Slack', 'Matrix'] as const) {
    process.stderr.write(`  ${platform}: ${ROUND_TRIPS} round trips…\n`);
    rounds.push({
      platform,
      ms: platform === 'Slack' ? await slackRoundTrips(ROUND_TRIPS) : await matrixRoundTrips(ROUND_TRIPS),
    });
  }
  const all = (platform: 'Slack' | 'Matrix') =>
    rounds.filter((r) => r.platform === platform).flatMap((r) => r.ms);
  const slack = all('Slack');
  const matrix = all('Matrix');
  process.stderr.write(`  fan-out: ${DMS} DMs at ${PER_SECOND} call/s…\n`);
  const fan = await fanout(DMS);
  const floor = DMS / PER_SECOND;
  const row = (name: string, ms: number[]) => [
    name,
    String(ms.length),
    fixed(percentile(ms, 50), 1),
    fixed(percentile(ms, 99), 1),
    fixed(Math.max(...ms), 1),
  ];
  const targets: Target[] = [
    target(
      'Matrix p99 round trip through /sync (people should get < 2 s)',
      percentile(matrix, 99),
      '<=',
      2000,
      ' ms',
    ),
    target('announcement: duration / floor (300 sends at 1/s)', fan.seconds / floor, '<=', 1.2, '×'),
    target('announcement: lost', fan.lost, '<=', 0),
    target('announcement: duplicates', fan.duplicates, '<=', 0),
    target('announcement: M_LIMIT_EXCEEDED answered', fan.limited, '<=', 0),
  ];
  return {
    title:
      'Tchap (Matrix): `!cohorte moi` through /sync vs the Slack receiver; an announcement to 300 DMs at 1 call/s',
    tables: [
      {
        title: 'Round trip, one command at a time (all rounds)',
        columns: ['platform', 'commands', 'p50 ms', 'p99 ms', 'max ms'],
        rows: [row('Slack receiver', slack), row('Matrix /sync', matrix)],
      },
      {
        title: 'Rounds',
        columns: ['round', 'platform', 'commands', 'p50 ms', 'p99 ms', 'max ms'],
        rows: rounds.map((r, i) => [String(i + 1), ...row(r.platform, r.ms)]),
      },
      {
        title: `Announcement to ${DMS} DMs`,
        columns: [
          'seconds',
          'floor s',
          'ratio',
          'lost',
          'duplicates',
          'sends',
          'M_LIMIT_EXCEEDED',
          'API calls',
        ],
        rows: [
          [
            fixed(fan.seconds, 1),
            fixed(floor, 0),
            fixed(fan.seconds / floor, 3),
            String(fan.lost),
            String(fan.duplicates),
            String(fan.sends),
            String(fan.limited),
            String(fan.calls),
          ],
        ],
      },
    ],
    targets,
    notes: [
      `p50 Matrix / Slack: ${fixed(percentile(matrix, 50) / percentile(slack, 50), 2)} ×; p99: ${fixed(percentile(matrix, 99) / percentile(slack, 99), 2)} × (recorded, no target: Matrix answers through /sync and a PUT, Slack in the HTTP answer).`,
      'Round trips: MATRIX_REQUESTS_PER_SECOND=100 so pacing does not add to them; the homeserver double wakes the long poll at once, as Synapse does when an event arrives.',
      `Fan-out: the double refuses more than ${PER_SECOND} call/s (burst 2); the bot paces at ${PER_SECOND} call/s and the outbox at the same rate.`,
    ],
  };
}
