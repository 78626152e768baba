import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../jobs/index.js';
import { SEND_JOB } from '../../src/core/announcement/manage.js';
import { copyKey } from '../../src/core/announcement/types.js';
import { jobIdOf } from '../../src/queue/queues.js';
import { announcementCommunity } from '../support/announcement-community.js';
import { expectOneCopyEach, postAnnouncement } from '../support/announcement-flow.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type RedisProxy, startRedisProxy } from '../support/redis-proxy.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

const COUNT = 1000;
/** Copies the first run queued before its worker died; the last ones were never queued. */
const QUEUED_BEFORE_CRASH = 700;
const ENV = { OUTBOX_CHANNEL_INTERVAL_MS: '0', OUTBOX_WORKSPACE_PER_SECOND: '1000' };

/**
 * An announcement DM'd to 1,000 people whose fan-out job died part-way: 700 copies queued, some of them already
 * delivered, 300 never queued. When the job runs again (as BullMQ hands a stalled job out), it queues its copies
 * again: the web process's Redis traffic goes through a relay that counts its round trips, so the test sees how many
 * times the fan-out waited for Redis. Then workers deliver the rest: each person has exactly one copy.
 */
describe('an announcement fan-out resumed after a crash, 1,000 copies', () => {
  const community = announcementCommunity(COUNT, 'resume');
  let slack: SlackDouble;
  let proxy: RedisProxy;
  let web: RunningCohorte;
  const workers: RunningCohorte[] = [];
  /** A worker process's parts (jobs and outbox workers) in this process, on the shared Redis, under web's prefix. */
  const startWorker = async () => {
    const worker = await startCohorte({
      name: 'announcement-resume-worker',
      slackApiUrl: slack.url,
      communityFile: community.file,
      env: { ...ENV, ROLE: 'worker', REDIS_PREFIX: web.prefix },
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    slack = await startSlackDouble({ users: community.users });
    proxy = await startRedisProxy();
    web = await startCohorte({
      name: 'announcement-resume',
      slackApiUrl: slack.url,
      communityFile: community.file,
      env: { ...ENV, ROLE: 'web' },
      redisUrl: proxy.url,
    });
  });
  afterAll(async () => {
    // Not `stop()`: it would drop the keys under the prefix they share with web, whose `stop()` does.
    for (const worker of workers) await worker.cohorte.stop();
    await web?.stop();
    await proxy?.close();
    await slack?.close();
  });

  it('queues its copies again in a handful of round trips, and each person gets one copy', {
    timeout: 120_000,
  }, async () => {
    const { id } = await postAnnouncement(web, {
      text: 'Reprise après panne',
      audience: 'eig9',
      mode: 'dms',
    });
    const copies = (i: number) => slack.messages(`DU${i}`).length;
    const delivered = () => community.eig.filter((_, i) => copies(i) > 0).length;
    // A first worker runs the fan-out and starts delivering; it stops once 100 people have their copy.
    const first = await startWorker();
    await waitFor(() => delivered() >= 100, 60_000, '100 copies delivered');
    await first.cohorte.stop();
    // The state of a fan-out that died after queueing 700 copies: the last 300 were never queued.
    const { outbox } = web.cohorte.queues;
    const notQueued = community.eig.slice(QUEUED_BEFORE_CRASH);
    for (const email of notQueued)
      await (await outbox.getJob(jobIdOf(copyKey(id, `person:${email}`))))?.remove();
    const before = delivered();
    expect(before).toBeLessThan(QUEUED_BEFORE_CRASH);
    expect(await outbox.getJob(jobIdOf(copyKey(id, `person:${community.eig.at(-1)}`)))).toBeUndefined();

    // The fan-out job runs again, as the jobs worker runs it when BullMQ hands the stalled job out.
    const fanOut = jobDefinitions.find((d) => d.name === SEND_JOB);
    const idle = proxy.roundTrips();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(proxy.roundTrips(), 'the web process is quiet on its own').toBe(idle);
    const started = proxy.roundTrips();
    const summary = await fanOut?.run(web.cohorte.services, { id } as never);
    const roundTrips = proxy.roundTrips() - started;
    expect(summary).toBe(`announcement ${id}: ${COUNT} copies queued`);
    expect(roundTrips, 'round trips to Redis to queue 1,000 copies again').toBeLessThanOrEqual(20);
    // The 300 are queued again; the copies already sent stay done (their job is kept, under the same id).
    const states = await Promise.all(
      community.eig.map((email) => outbox.getJobState(jobIdOf(copyKey(id, `person:${email}`)))),
    );
    expect(states.filter((state) => state === 'unknown').length, 'copies not queued').toBe(0);
    const waiting = ['prioritized', 'waiting', 'delayed'];
    const sentAgain = states.filter((state, i) => copies(i) > 0 && waiting.includes(state));
    expect(sentAgain.length, 'copies already sent, queued again').toBe(0);

    await startWorker();
    await expectOneCopyEach(slack, id, COUNT, 90_000);
  });
});
