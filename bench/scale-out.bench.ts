/**
 * Scale-out: the same announcement fan-out (one outbox job per DM) run by 1, 2 and 4 worker processes
 * (`src/main.ts`, ROLE=worker) sharing one Redis. First with the platform out of the way (the Slack double
 * unlimited, the outbox's pace at its maximum, 1,000/s): the throughput each worker count gives. Then with Slack's
 * 8 posts per second in the double and in the outbox: more workers must not go faster, since the pace is booked in
 * the shared Redis. Every run counts each person's copies in the double: none lost, none twice.
 * Last, jobs the platform does not pace, by the same worker counts: 10,000 reminder rituals run early (the `ritual`
 * job) and one stand-up digest run for 60 défis (one `standup-digest` job: 60 digests and the roll-up), each job
 * queued twice under one key, each expected post counted in the double. Then a bulloterie round (one `bulle-round`
 * job) over the `bulle-matching` world seeded for the run's people: each open request's two posts and the summary.
 * BENCH_QUICK=1 runs a tenth of each workload but the round, to try the benchmark; its figures are not worth
 * recording. BENCH_SCALE_ONLY (workload names, comma-separated: free, paced, rituals, digests, round) runs only those.
 */
import { loadCommunityFile } from '../src/community.js';
import type { CommunityData } from '../src/core/roster/types.js';
import type { Queues } from '../src/queue/queues.js';
import { type AnnouncementCommunity, announcementCommunity } from '../test/support/announcement-community.js';
import { postAnnouncement } from '../test/support/announcement-flow.js';
import type { SlackDouble } from '../test/support/slack-double.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';
import { settleCopies, startFanout, tally, WORKSPACE_PER_SECOND } from './support/announcement.js';
import { OPEN_REQUESTS, PEOPLE, seedBulle } from './support/bulle-data.js';
import { type BenchReport, fixed, type Target, target } from './support/report.js';
import {
  addScaleRituals,
  digestTally,
  queueDigests,
  queueRituals,
  queueRound,
  ritualTally,
  roundTally,
} from './support/scale-jobs.js';

const WORKER_COUNTS = [1, 2, 4] as const;
const QUICK = process.env.BENCH_QUICK === '1';
const FREE_PEOPLE = Number(process.env.BENCH_SCALE_PEOPLE ?? (QUICK ? 300 : 3_000));
const PACED_PEOPLE = QUICK ? 40 : 160;
const RITUALS = QUICK ? 1_000 : 10_000;
/** The stand-up's défis: its digest job posts one digest per défi and the roll-up. */
const DEFIS = 60;
/** The outbox's pace when the platform sets none: its configuration's maximum. */
const FREE_PACE = 1_000;
const ONLY = process.env.BENCH_SCALE_ONLY?.split(',');
const runs = (workload: string) => !ONLY || ONLY.includes(workload);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Run {
  workers: number;
  people: number;
  seconds: number;
  lost: number;
  duplicates: number;
  limited: number;
}

/**
 * `count` worker processes on the web instance's prefix and the double, `env` added to theirs, booted one after
 * another (the first registers every scheduler of the community at boot, the others read them and find nothing to
 * write: on two cores, together they would take longer).
 */
async function startWorkers(
  count: number,
  at: { web: { prefix: string }; slack: SlackDouble; community: AnnouncementCommunity },
  env: Record<string, string>,
  started: WorkerProcess[],
) {
  for (let i = 0; i < count; i++)
    started.push(
      await startWorkerProcess({
        prefix: at.web.prefix,
        communityFile: at.community.file,
        slackApiUrl: at.slack.url,
        env,
        startLimitMs: 180_000,
      }),
    );
}

/** One fan-out to `people` by `workers` worker processes; `paced`: Slack's 8/s in the double and the outbox. */
async function fanout(workers: number, people: number, paced: boolean): Promise<Run> {
  const name = `bench-scale-${paced ? 'paced' : 'free'}-${workers}`;
  const community = announcementCommunity(people, name);
  const { slack, web } = await startFanout(community, name, paced);
  const started: WorkerProcess[] = [];
  try {
    const pace = paced ? WORKSPACE_PER_SECOND : FREE_PACE;
    await startWorkers(
      workers,
      { web, slack, community },
      { OUTBOX_WORKSPACE_PER_SECOND: String(pace) },
      started,
    );
    const from = Date.now();
    await postAnnouncement(web, { text: 'Montée en charge', audience: 'eig9', mode: 'dms' });
    const deadline = from + Math.max(120, (3 * people) / WORKSPACE_PER_SECOND) * 1000;
    const { lastAt, after } = await settleCopies(() => tally(slack, people), deadline, { pollMs: 100 });
    return { workers, people, seconds: (lastAt - from) / 1000, ...after };
  } finally {
    for (const worker of started) await worker.kill();
    await web.stop();
    await slack.close();
  }
}

/** A workload the platform does not pace: the units it posts, how to queue its jobs and count its posts. */
interface Workload {
  name: string;
  units: number;
  /** The generated community's EIG (`DEFIS` défis of ten unless said). */
  people?: number;
  /** Reminder rituals the community needs (the first worker registers their schedulers at boot). */
  rituals: number;
  /** Stores what the jobs read under the run's prefix, before the workers start. */
  seed?(prefix: string, eig: string[]): Promise<unknown>;
  queue(queues: Queues, community: CommunityData): Promise<void>;
  tally(slack: SlackDouble): { lost: number; duplicates: number; lastAt: number };
}

const REMINDERS: Workload = {
  name: 'rituals',
  units: RITUALS,
  rituals: RITUALS,
  queue: (queues, community) => queueRituals(queues, community, RITUALS),
  tally: (slack) => ritualTally(slack, RITUALS),
};
const DIGESTS: Workload = {
  name: 'digests',
  units: DEFIS + 1,
  rituals: 0,
  queue: queueDigests,
  tally: (slack) => digestTally(slack, DEFIS),
};
const ROUND: Workload = {
  name: 'round',
  units: 2 * OPEN_REQUESTS + 1,
  people: PEOPLE,
  rituals: 0,
  seed: (prefix, eig) => seedBulle(REDIS_URL, prefix, eig),
  queue: queueRound,
  tally: (slack) => roundTally(slack, OPEN_REQUESTS),
};

/**
 * One workload by `workers` worker processes, the platform out of the way (double unlimited, no pause between posts
 * of one channel, outbox pace at its maximum), on a community of `DEFIS` défis of ten with the stand-up and the
 * workload's reminder rituals. Seconds from the first job queued to the last post the double accepted; `limited` is
 * always 0 here.
 */
async function jobsRun(workload: Workload, workers: number): Promise<Run> {
  const name = `bench-scale-${workload.name}-${workers}`;
  const community = announcementCommunity(workload.people ?? DEFIS * 10, name);
  addScaleRituals(community, workload.rituals);
  const { slack, web } = await startFanout(community, name, false);
  const started: WorkerProcess[] = [];
  try {
    await workload.seed?.(web.prefix, community.eig);
    const env = { OUTBOX_WORKSPACE_PER_SECOND: String(FREE_PACE), OUTBOX_CHANNEL_INTERVAL_MS: '0' };
    await startWorkers(workers, { web, slack, community }, env, started);
    const from = Date.now();
    await workload.queue(web.cohorte.queues, loadCommunityFile(community.file));
    const deadline = from + 300_000;
    const { lastAt, after } = await settleCopies(() => workload.tally(slack), deadline);
    const { lost, duplicates } = after;
    return { workers, people: workload.units, seconds: (lastAt - from) / 1000, lost, duplicates, limited: 0 };
  } finally {
    for (const worker of started) await worker.kill();
    await web.stop();
    await slack.close();
  }
}

const row = (r: Run, base: Run | undefined) => [
  String(r.workers),
  String(r.people),
  fixed(r.seconds, 1),
  fixed(r.people / r.seconds, 1),
  base ? `${fixed(base.seconds / r.seconds, 2)} ×` : '',
  String(r.lost),
  String(r.duplicates),
  String(r.limited),
];
/** The columns of a table whose units are `unit` (DMs, rituals, posts). */
const columnsOf = (unit: string) => [
  'workers',
  unit,
  'seconds',
  `${unit}/s`,
  'speed-up',
  'lost',
  'duplicates',
  '429 answered',
];

export async function run(): Promise<BenchReport> {
  const free: Run[] = [];
  const paced: Run[] = [];
  for (const workers of runs('free') ? WORKER_COUNTS : []) {
    process.stderr.write(`  ${workers} worker(s): ${FREE_PEOPLE} DMs, platform unlimited…\n`);
    free.push(await fanout(workers, FREE_PEOPLE, false));
  }
  for (const workers of runs('paced') ? WORKER_COUNTS : []) {
    process.stderr.write(`  ${workers} worker(s): ${PACED_PEOPLE} DMs at ${WORKSPACE_PER_SECOND}/s…\n`);
    paced.push(await fanout(workers, PACED_PEOPLE, true));
  }
  const reminders: Run[] = [];
  const digests: Run[] = [];
  const rounds: Run[] = [];
  for (const workers of WORKER_COUNTS) {
    if (runs('rituals')) {
      process.stderr.write(`  ${workers} worker(s): ${RITUALS} reminder rituals, platform unlimited…\n`);
      reminders.push(await jobsRun(REMINDERS, workers));
    }
    if (runs('digests')) {
      process.stderr.write(`  ${workers} worker(s): digests of ${DEFIS} défis, platform unlimited…\n`);
      digests.push(await jobsRun(DIGESTS, workers));
    }
    if (runs('round')) {
      process.stderr.write(`  ${workers} worker(s): bulloterie round, ${OPEN_REQUESTS} open requests…\n`);
      rounds.push(await jobsRun(ROUND, workers));
    }
  }
  const all = [...free, ...paced, ...reminders, ...digests, ...rounds];
  const fastestPaced = Math.max(...paced.map((r) => r.people / r.seconds));
  const targets: Target[] = [
    target(
      'people or posts missing, all runs',
      all.reduce((n, r) => n + r.lost, 0),
      '<=',
      0,
    ),
    target(
      'people or posts twice or more, all runs',
      all.reduce((n, r) => n + r.duplicates, 0),
      '<=',
      0,
    ),
    ...(paced.length
      ? [
          target(
            `paced runs, fastest DMs/s (Slack allows ${WORKSPACE_PER_SECOND})`,
            fastestPaced,
            '<=',
            WORKSPACE_PER_SECOND,
            '/s',
          ),
        ]
      : []),
  ];
  return {
    title:
      'Scale-out: a fan-out, reminder rituals, digests and a bulloterie round by 1, 2 and 4 worker processes on one Redis',
    tables: [
      {
        title: `Platform unlimited (outbox pace ${FREE_PACE}/s)`,
        columns: columnsOf('DMs'),
        rows: free.map((r) => row(r, free[0])),
      },
      {
        title: `Slack's ${WORKSPACE_PER_SECOND} posts/s`,
        columns: columnsOf('DMs'),
        rows: paced.map((r) => row(r, paced[0])),
      },
      {
        title: `${RITUALS} reminder rituals run early, platform unlimited`,
        columns: columnsOf('rituals'),
        rows: reminders.map((r) => row(r, reminders[0])),
      },
      {
        title: `One stand-up digest run: ${DEFIS} défi digests and the roll-up, platform unlimited`,
        columns: columnsOf('posts'),
        rows: digests.map((r) => row(r, digests[0])),
      },
      {
        title: `One bulloterie round: ${PEOPLE} people, ${OPEN_REQUESTS} open requests (2 posts each) and the summary`,
        columns: columnsOf('posts'),
        rows: rounds.map((r) => row(r, rounds[0])),
      },
    ].filter((table) => table.rows.length),
    targets,
    notes: [
      'seconds: from the click on Envoyer to the last copy the double accepted (one sending job queues every copy first)',
      'the load, the double, the web instance, Redis and every worker share the machine: on 2 cores, 4 workers cannot run 4 × as fast',
    ],
  };
}
