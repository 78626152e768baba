/**
 * Announcements (fan-out): one announcement DM'd to 1,000 people, with the Slack Web API double enforcing
 * Slack's figures, 1 post per second per channel and 8 per second per workspace. Cohorte's worker runs as its own
 * process (`src/main.ts`, ROLE=worker); the announcement is written and confirmed through the router of a web
 * instance in this process. Target: every person gets exactly one copy, within 1.2 × the minimum those limits
 * allow (1,000 / 8 = 125 s). While it runs, five posts to one channel and one to another go through the same
 * outbox: ordinary messages must not wait behind the fan-out. Baseline in the same run: a bare Web API client
 * posting 200 DMs at exactly the workspace cap (one every 125 ms), as naive pacing would.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import { plain, textMessage } from '../src/core/message.js';
import { announcementCommunity } from '../test/support/announcement-community.js';
import { postAnnouncement } from '../test/support/announcement-flow.js';
import { startSlackDouble } from '../test/support/slack-double.js';
import { startWorkerProcess } from '../test/support/worker-process.js';
import {
  fanoutTargets,
  LIMITS,
  settleCopies,
  startFanout,
  tally,
  WORKSPACE_PER_SECOND,
} from './support/announcement.js';
import { type BenchReport, fixed, type Target } from './support/report.js';

const PEOPLE = 1_000;
const MINIMUM_S = PEOPLE / WORKSPACE_PER_SECOND;
const BASELINE_POSTS = 200;

/** Cohorte's run: the fan-out's duration, its copies, and how long ordinary messages waited meanwhile. */
async function cohorteRun() {
  const community = announcementCommunity(PEOPLE, 'bench');
  const { slack, web } = await startFanout(community, 'bench-announce');
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  try {
    worker = await startWorkerProcess({
      prefix: web.prefix,
      communityFile: community.file,
      slackApiUrl: slack.url,
      env: { OUTBOX_WORKSPACE_PER_SECOND: String(WORKSPACE_PER_SECOND) },
    });
    const started = Date.now();
    await postAnnouncement(web, { text: 'Appel à projets *ouvert*', audience: 'eig9', mode: 'dms' });
    // A minute in, ordinary messages: a burst of five in one channel, then one in another.
    await sleep(60_000);
    const ordinaryAt = Date.now();
    const { outbox } = web.cohorte.services;
    for (let n = 0; n < 5; n++) {
      await outbox.send({
        key: `bench:burst:${n}`,
        to: { kind: 'channel', channel: 'C0BURST' },
        message: textMessage(plain(`burst ${n}`)),
      });
    }
    await outbox.send({
      key: 'bench:other',
      to: { kind: 'channel', channel: 'C0OTHER' },
      message: textMessage(plain('autre')),
    });
    const deadline = started + 3 * MINIMUM_S * 1000;
    const { lastAt, after } = await settleCopies(() => tally(slack, PEOPLE), deadline, { graceMs: 3_000 });
    const at = (channel: string, i = 0) =>
      slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.status === 200)[i]?.at;
    return {
      seconds: (lastAt - started) / 1000,
      ...after,
      otherWaitS: ((at('C0OTHER') ?? Number.NaN) - ordinaryAt) / 1000,
      burstLastS: ((at('C0BURST', 4) ?? Number.NaN) - ordinaryAt) / 1000,
    };
  } finally {
    await worker?.stop();
    await web.stop();
    await slack.close();
  }
}

/** The baseline: a bare client posting at exactly the cap, one DM every 125 ms, no headroom, no queue. */
async function baselineRun() {
  const community = announcementCommunity(BASELINE_POSTS, 'bench-baseline');
  const slack = await startSlackDouble({ users: community.users, limits: LIMITS });
  try {
    const client = new webApi.WebClient('xoxb-bench', {
      slackApiUrl: slack.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const started = performance.now();
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < BASELINE_POSTS; i++) {
      await sleep(Math.max(started + (i * 1000) / WORKSPACE_PER_SECOND - performance.now(), 0));
      calls.push(
        client.chat.postMessage({ channel: `DU${i}`, text: 'Appel à projets' }).catch(() => undefined),
      );
    }
    await Promise.all(calls);
    return { seconds: (performance.now() - started) / 1000, ...tally(slack, BASELINE_POSTS) };
  } finally {
    await slack.close();
  }
}

export async function run(): Promise<BenchReport> {
  process.stderr.write('  baseline: a bare client at exactly the cap…\n');
  const baseline = await baselineRun();
  process.stderr.write(`  Cohorte: ${PEOPLE} DMs (about ${MINIMUM_S} s)…\n`);
  const cohorte = await cohorteRun();
  const targets: Target[] = [
    ...fanoutTargets(PEOPLE, cohorte, 1.2),
    {
      name: 'ordinary message during the fan-out, wait',
      measured: cohorte.otherWaitS,
      comparison: '<=',
      limit: 2,
      unit: 's',
    },
  ];
  return {
    title: `Announcement DM'd to ${PEOPLE} people (1 post/s per channel, ${WORKSPACE_PER_SECOND}/s per workspace)`,
    tables: [
      {
        title: 'Runs',
        columns: ['run', 'posts', 'seconds', 'posts/s', '429 answered', 'lost', 'duplicates'],
        rows: [
          [
            'bare client at exactly the cap (baseline)',
            String(BASELINE_POSTS),
            fixed(baseline.seconds, 1),
            fixed(BASELINE_POSTS / baseline.seconds, 2),
            String(baseline.limited),
            String(baseline.lost),
            String(baseline.duplicates),
          ],
          [
            'Cohorte outbox (worker process)',
            String(PEOPLE),
            fixed(cohorte.seconds, 1),
            fixed(PEOPLE / cohorte.seconds, 2),
            String(cohorte.limited),
            String(cohorte.lost),
            String(cohorte.duplicates),
          ],
        ],
      },
      {
        title: 'Ordinary messages sent a minute into the fan-out',
        columns: ['message', 'delivered after (s)'],
        rows: [
          ['one post to another channel', fixed(cohorte.otherWaitS, 2)],
          ['fifth of five posts to one channel (1/s there)', fixed(cohorte.burstLastS, 2)],
        ],
      },
    ],
    targets,
    notes: [
      `minimum allowed by the limits: ${MINIMUM_S} s; the outbox books posts 10% under the cap, so ~${fixed(MINIMUM_S * 1.1, 0)} s is its floor`,
      'the double does not rate-limit users.lookupByEmail / conversations.open (Tier 3 on Slack: DM ids are cached once opened)',
    ],
  };
}
