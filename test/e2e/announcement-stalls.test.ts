import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJobId } from '../../src/core/announcement/types.js';
import { jobIdOf } from '../../src/queue/queues.js';
import { announcementCommunity } from '../support/announcement-community.js';
import { expectOneCopyEach, postAnnouncement, startWebOnSlackDouble } from '../support/announcement-flow.js';
import type { RunningCohorte } from '../support/cohorte.js';
import { type RedisProxy, startRedisProxy } from '../support/redis-proxy.js';
import type { SlackDouble } from '../support/slack-double.js';
import { waitForAsync } from '../support/wait.js';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.js';

const COUNT = 150;
const KILLS = 6;
/** Worker processes alive at once: when one dies, others have booted and one of them takes the fan-out over. */
const POOL = 3;
/**
 * The workers' BullMQ lock: a killed worker's jobs come back within it and a second or two. Shorter than the
 * production 10 s, for speed, but not 1 s as in the crash test: three worker processes booting and posting on two
 * busy cores then miss renewals, and a job whose lock lapsed while its worker lives runs again beside it: one more
 * stall counted against the fan-out (a copy's run that lost its lock steps back before posting, see
 * test/integration/outbox-lock-lost.test.ts).
 */
const LOCK_MS = 2500;
/** Where the `n`-th worker's fan-out dies: as it queues the copy of this EIG, spread over the batch. */
const diesAt = (n: number) => (n * 53) % COUNT;

/** A worker process whose Redis traffic crosses a relay of its own, and that relay. */
interface Worker {
  process: Promise<WorkerProcess>;
  proxy: RedisProxy;
  /** Resolves when the relay cut the worker off in the middle of the fan-out. */
  held: Promise<void>;
}

/**
 * The fan-out job of an announcement DM'd to 150 people stalls six times: each time, the worker process running it
 * (`src/main.ts`, ROLE=worker) is SIGKILLed while it queues the copies. Each worker reaches Redis through a relay of
 * its own, which holds the worker's traffic from the moment its fan-out sends a chosen copy to the queue: the kill
 * always lands inside the fan-out, at a different copy each time (a timer could not aim at a job that lasts a few
 * hundred milliseconds). Three workers run at once, so others have booted when one dies. BullMQ counts the stalls on
 * the job: past MAX_STALLED_COUNT it fails the fan-out for good (with 5, this test fails so after the sixth kill).
 */
describe('an announcement fan-out that stalls six times, its workers SIGKILLed mid-way', () => {
  const community = announcementCommunity(COUNT, 'stalls');
  let slack: SlackDouble;
  let web: RunningCohorte;
  const started: Worker[] = [];

  const startWorker = async (id: string, armed: boolean): Promise<Worker> => {
    const proxy = await startRedisProxy();
    const marker = `announce:${id}:person:${community.eig[diesAt(started.length)]}"`;
    const held = armed ? proxy.holdAt(marker) : new Promise<void>(() => {});
    const process = startWorkerProcess({
      // Booting three at once on a busy machine can take a while.
      startLimitMs: 60_000,
      prefix: web.prefix,
      communityFile: community.file,
      slackApiUrl: slack.url,
      env: {
        REDIS_URL: proxy.url,
        OUTBOX_CHANNEL_INTERVAL_MS: '1000',
        OUTBOX_WORKSPACE_PER_SECOND: '20',
        WORKER_LOCK_MS: String(LOCK_MS),
        OUTBOX_IN_FLIGHT_MS: '4000',
      },
    });
    // A worker that never booted fails the test when it is awaited, not before.
    process.catch(() => undefined);
    const worker = { process, proxy, held };
    started.push(worker);
    return worker;
  };

  /** The worker cut off in the middle of the fan-out, once one is; fails if the fan-out job failed meanwhile. */
  const nextCutOff = async (live: Worker[], id: string) => {
    let cutOff: Worker | undefined;
    const held = Promise.race(live.map((worker) => worker.held.then(() => worker))).then((worker) => {
      cutOff = worker;
    });
    const deadline = Date.now() + 60_000;
    while (!cutOff) {
      const fanOut = await web.cohorte.queues.jobs.getJob(jobIdOf(sendJobId(id)));
      if (await fanOut?.isFailed())
        throw new Error(`the fan-out failed after ${fanOut?.stalledCounter} stalls: ${fanOut?.failedReason}`);
      if (Date.now() > deadline) throw new Error('no worker ran the fan-out for a minute');
      await Promise.race([held, sleep(200)]);
    }
    return cutOff;
  };

  beforeAll(async () => {
    ({ slack, web } = await startWebOnSlackDouble(community, 'announcement-stalls'));
  });
  afterAll(async () => {
    for (const worker of started) {
      await (await worker.process.catch(() => undefined))?.kill();
      await worker.proxy.close();
    }
    await web?.stop();
    await slack?.close();
  });

  it('still reaches everyone exactly once, and the author gets the final report', {
    timeout: 180_000,
  }, async () => {
    const { id } = await postAnnouncement(web, { text: 'Tenace', audience: 'eig9', mode: 'dms' });
    let live = await Promise.all(Array.from({ length: POOL }, () => startWorker(id, true)));
    for (let kill = 1; kill <= KILLS; kill++) {
      const dying = await nextCutOff(live, id);
      await (await dying.process).kill();
      live = live.filter((worker) => worker !== dying);
      if (kill < KILLS) live.push(await startWorker(id, true));
    }
    // The survivors finish the job.
    for (const worker of live) worker.proxy.disarm();
    const fanOut = () => web.cohorte.queues.jobs.getJob(jobIdOf(sendJobId(id)));
    const finished = ['completed', 'failed'];
    await waitForAsync(async () => finished.includes((await (await fanOut())?.getState()) ?? ''), 60_000);
    const job = await fanOut();
    expect(await job?.getState(), job?.failedReason).toBe('completed');
    expect(job?.stalledCounter, 'times the fan-out stalled').toBeGreaterThanOrEqual(KILLS);
    await expectOneCopyEach(slack, id, COUNT, 60_000);
  });
});
