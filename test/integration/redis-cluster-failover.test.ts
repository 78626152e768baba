import { afterAll, beforeAll, describe, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { startFanOut } from '../support/announcement-flow.js';
import { ask, type PrivateRedis } from '../support/private-redis.js';
import { type RedisClusterSet, startRedisCluster } from '../support/redis-cluster.js';
import { expectFailoverMidAnnouncement } from '../support/redis-switch.js';

const COUNT = 200;

/**
 * Cohorte on a Redis Cluster of three primaries with a replica each, all of the test's own. Cohorte's keys share
 * one hash tag, so one primary holds them all; it is SIGKILLed while an announcement goes to 200 people by DM
 * through two worker processes. Its replica takes over its slots; every connection follows the new slot map.
 * Meanwhile the coordinator keeps typing a command: she gets her answer or « réessayez dans une minute », never an
 * error; and everyone gets exactly one copy.
 */
describe('Redis Cluster: the primary holding Cohorte dies while an announcement is sent', () => {
  const community = announcementCommunity(COUNT, 'cluster-failover');
  let cluster: RedisClusterSet;
  let fanOut: Awaited<ReturnType<typeof startFanOut>>;

  beforeAll(async () => {
    cluster = await startRedisCluster({ replicas: true });
    fanOut = await startFanOut(community, 'redis-cluster-failover', {
      workers: 2,
      redis: { env: cluster.env },
      workerEnv: { OUTBOX_WORKSPACE_PER_SECOND: '16' },
    });
  }, 60_000);
  afterAll(async () => {
    await fanOut?.stop();
    await cluster?.stop();
  });

  /** The primary that holds Cohorte's keys (the only one with any). */
  async function holder(): Promise<PrivateRedis> {
    for (const node of cluster.nodes)
      if ((await cluster.roleOf(node)) === 'master' && Number(await ask(node.port, 'DBSIZE')) > 0)
        return node;
    throw new Error('no primary holds the keys');
  }

  it('fails over to the replica, keeps answering, and sends each person one copy', {
    timeout: 180_000,
  }, async () => {
    await expectFailoverMidAnnouncement(fanOut, {
      count: COUNT,
      firstCopies: 30,
      async kill() {
        const primary = await holder();
        const before = await Promise.all(cluster.nodes.map((node) => cluster.roleOf(node)));
        await primary.stop();
        // Switched once a node that was a replica says it is a primary.
        return async () => {
          for (const [i, node] of cluster.nodes.entries())
            if (before[i] === 'slave' && (await cluster.roleOf(node)) === 'master') return true;
          return false;
        };
      },
    });
  });
});
