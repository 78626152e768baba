import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { startFanOut } from '../support/announcement-flow.js';
import { type SentinelSet, startSentinelSet } from '../support/redis-sentinels.js';
import { expectFailoverMidAnnouncement } from '../support/redis-switch.js';

const COUNT = 300;

/**
 * Cohorte on Redis Sentinel: a primary, a replica and three sentinels of the test's own. An announcement goes to 300
 * people by DM through two worker processes, and the primary is SIGKILLed while it is sent. The sentinels promote
 * the replica; every connection (the web process's commands and queues, the workers and their blocking reads)
 * follows it. Meanwhile the coordinator keeps typing a command: she gets her answer or « réessayez dans une
 * minute », never an error; and everyone gets exactly one copy.
 */
describe('Redis Sentinel: the primary dies while an announcement is sent', () => {
  const community = announcementCommunity(COUNT, 'sentinel');
  let set: SentinelSet;
  let fanOut: Awaited<ReturnType<typeof startFanOut>>;

  beforeAll(async () => {
    set = await startSentinelSet();
    fanOut = await startFanOut(community, 'redis-sentinel', {
      workers: 2,
      redis: { env: set.env, url: set.replica.url },
      workerEnv: { OUTBOX_WORKSPACE_PER_SECOND: '16' },
    });
  }, 60_000);
  afterAll(async () => {
    await fanOut?.stop();
    await set?.stop();
  });

  it('fails over to the replica, keeps answering, and sends each person one copy', {
    timeout: 180_000,
  }, async () => {
    await expectFailoverMidAnnouncement(fanOut, {
      count: COUNT,
      firstCopies: 40,
      async kill() {
        await set.primary.stop();
        return async () => (await set.primaryPort()) === set.replica.port;
      },
    });
    expect(await set.roleOf(set.replica)).toBe('master');
  });
});
