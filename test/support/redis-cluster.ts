import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from './cohorte.js';
import { ask, type PrivateRedis, startPrivateRedis } from './private-redis.js';
import { waitForAsync } from './wait.js';

/** Three primaries of a Redis Cluster of the test's own (no replicas), each a redis-server on a free port. */
export interface RedisClusterSet {
  nodes: PrivateRedis[];
  /** What Cohorte is given: `REDIS_CLUSTER_NODES`. */
  env: { REDIS_CLUSTER_NODES: string };
  /** Stops every node and removes their folders. */
  stop(): Promise<void>;
}

/** Starts three nodes, joins them with `redis-cli --cluster create` and resolves once every node says `ok`. */
export async function startRedisCluster(): Promise<RedisClusterSet> {
  const nodes: PrivateRedis[] = [];
  const set: RedisClusterSet = {
    nodes,
    env: { REDIS_CLUSTER_NODES: '' },
    async stop() {
      for (const node of nodes) await node.remove();
    },
  };
  try {
    // The cluster bus port is chosen too: by default it is the port + 10,000, which may be another node's.
    for (let i = 0; i < 3; i++) {
      const bus = String(await freePort());
      nodes.push(await startPrivateRedis({ args: ['--cluster-enabled', 'yes', '--cluster-port', bus] }));
    }
    const addresses = nodes.map((node) => `127.0.0.1:${node.port}`);
    await promisify(execFile)('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-yes']);
    for (const node of nodes)
      await waitForAsync(
        async () => String(await ask(node.port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'),
        10_000,
      );
    set.env.REDIS_CLUSTER_NODES = addresses.join(',');
  } catch (error) {
    await set.stop();
    throw error;
  }
  return set;
}
