/**
 * An announcement DM'd to 400 people (Slack's 1 post/s per channel and 8/s per workspace, so 50 s at best) while
 * Redis fails over: Cohorte runs on a primary, a replica and three sentinels of the benchmark's own (a primary
 * silent for 1 s is down), a web instance in this process and two worker processes. Once a third of the copies
 * are out, the primary is SIGKILLed. Targets: the whole fan-out within 1.5 × that minimum, nobody without a copy,
 * nobody with two. Also measured: how long until the sentinels named the replica, and until `/cohorte moi` answered
 * again (meanwhile it says « réessayez dans une minute »).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { announcementCommunity } from '../test/support/announcement-community.js';
import { postAnnouncement } from '../test/support/announcement-flow.js';
import { type RunningCohorte, SIGNING_SECRET, startCohorte } from '../test/support/cohorte.js';
import { type SentinelSet, startSentinelSet } from '../test/support/redis-sentinels.js';
import { startSlackDouble } from '../test/support/slack-double.js';
import { postSigned, slashCommandBody } from '../test/support/slack-sign.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';
import { LIMITS, settleCopies, tally, WORKSPACE_PER_SECOND } from './support/announcement.js';
import { type BenchReport, fixed, target } from './support/report.js';

const PEOPLE = 400;
const MINIMUM_S = PEOPLE / WORKSPACE_PER_SECOND;
const KILL_AFTER = Math.round(PEOPLE / 3);

/** Whether `/cohorte moi`, typed by the coordinator, got her real answer (not « réessayez »). */
async function answered(web: RunningCohorte): Promise<boolean> {
  const body = slashCommandBody({ command: '/cohorte', text: 'moi', userId: 'U0CLAIRE' });
  const response = await postSigned(`${web.baseUrl}/slack/events`, body, { secret: SIGNING_SECRET });
  return (await response.text()).includes('Claire Dubois');
}

async function failoverRun() {
  const community = announcementCommunity(PEOPLE, 'bench-failover');
  const set: SentinelSet = await startSentinelSet();
  const slack = await startSlackDouble({ users: community.users, limits: LIMITS });
  let web: RunningCohorte | undefined;
  const workers: WorkerProcess[] = [];
  try {
    web = await startCohorte({
      name: 'bench-failover',
      slackApiUrl: slack.url,
      communityFile: community.file,
      env: { ROLE: 'web', LOG_LEVEL: 'warn', ...set.env },
      redisUrl: set.replica.url,
    });
    for (let i = 0; i < 2; i++)
      workers.push(
        await startWorkerProcess({
          prefix: web.prefix,
          communityFile: community.file,
          slackApiUrl: slack.url,
          env: { ...set.env, OUTBOX_WORKSPACE_PER_SECOND: String(WORKSPACE_PER_SECOND) },
        }),
      );
    const started = Date.now();
    await postAnnouncement(web, { text: 'Appel à projets *ouvert*', audience: 'eig9', mode: 'dms' });
    while (PEOPLE - tally(slack, PEOPLE).lost < KILL_AFTER) await sleep(50);
    const killedAt = Date.now();
    await set.primary.stop();
    let promotedAt: number | undefined;
    let answeringAt: number | undefined;
    while (promotedAt === undefined || answeringAt === undefined) {
      if (promotedAt === undefined && (await set.primaryPort()) === set.replica.port) promotedAt = Date.now();
      if (answeringAt === undefined && (await answered(web))) answeringAt = Date.now();
      await sleep(100);
    }
    const deadline = started + 3 * MINIMUM_S * 1000;
    const { lastAt, after } = await settleCopies(() => tally(slack, PEOPLE), deadline, { graceMs: 3_000 });
    const { lost, duplicates } = after;
    return {
      seconds: (lastAt - started) / 1000,
      killedAfterS: (killedAt - started) / 1000,
      promotedS: (promotedAt - killedAt) / 1000,
      answeringS: (answeringAt - killedAt) / 1000,
      lost,
      duplicates,
    };
  } finally {
    for (const worker of workers) await worker.kill();
    await web?.stop();
    await slack.close();
    await set.stop();
  }
}

export async function run(): Promise<BenchReport> {
  process.stderr.write(
    `  ${PEOPLE} DMs (about ${MINIMUM_S} s), the Redis primary killed after ${KILL_AFTER}…\n`,
  );
  const result = await failoverRun();
  return {
    title: `Announcement DM'd to ${PEOPLE} people with a Redis Sentinel failover mid-send (${WORKSPACE_PER_SECOND}/s)`,
    tables: [
      {
        title: 'Run',
        columns: [
          'fan-out (s)',
          'primary killed at (s)',
          'replica named after (s)',
          '/cohorte moi back after (s)',
        ],
        rows: [
          [
            fixed(result.seconds, 1),
            fixed(result.killedAfterS, 1),
            fixed(result.promotedS, 1),
            fixed(result.answeringS, 1),
          ],
        ],
      },
    ],
    targets: [
      target(
        `fan-out time / minimum (${PEOPLE} / ${WORKSPACE_PER_SECOND} s)`,
        result.seconds / MINIMUM_S,
        '<=',
        1.5,
        '×',
      ),
      target('people without their copy', result.lost, '<=', 0),
      target('people with two copies or more', result.duplicates, '<=', 0),
    ],
    notes: [
      `minimum allowed by the limits: ${MINIMUM_S} s; the outbox books posts 10% under the cap, so ~${fixed(MINIMUM_S * 1.1, 0)} s is its floor`,
      'sentinels: down-after-milliseconds 1000, failover-timeout 3000, quorum 2 of 3; two worker processes, one web',
    ],
  };
}
