import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from './cohorte.js';
import { ask, type PrivateRedis, startPrivateRedis } from './private-redis.js';
import { waitForAsync } from './wait.js';

/** Three primaries of a Redis Cluster of the test's own, with a replica each if asked, each on a free port. */
export interface RedisClusterSet {
  /** Every node, primaries first (as `redis-cli --cluster create` pairs them: the last three replicate). */
  nodes: PrivateRedis[];
  /** What Cohorte is given: `REDIS_CLUSTER_NODES`. */
  env: { REDIS_CLUSTER_NODES: string };
  /** What a node says it is now: `master` or `slave`. */
  roleOf(node: PrivateRedis): Promise<string>;
  /** Stops every node and removes their folders. */
  stop(): Promise<void>;
}

/**
 * Starts three nodes (six with `replicas`), joins them with `redis-cli --cluster create` and resolves once every
 * node says `ok`. A node silent for a second is failing (`cluster-node-timeout` 1000), so a replica takes over
 * within a few seconds instead of the default fifteen. `args` are given to every node.
 */
export async function startRedisCluster(
  options: { replicas?: boolean; args?: string[] } = {},
): Promise<RedisClusterSet> {
  const nodes: PrivateRedis[] = [];
  const set: RedisClusterSet = {
    nodes,
    env: { REDIS_CLUSTER_NODES: '' },
    async roleOf(node) {
      const [role] = (await ask(node.port, 'ROLE')) as [string];
      return role;
    },
    async stop() {
      for (const node of nodes) await node.remove();
    },
  };
  try {
    // The cluster bus port is chosen too: by default it is the port + 10,000, which may be another node's.
    for (let i = 0; i < (options.replicas ? 6 : 3); i++) {
      const bus = String(await freePort());
      const args = [
        ...['--cluster-enabled', 'yes', '--cluster-port', bus, '--cluster-node-timeout', '1000'],
        ...(options.args ?? []),
      ];
      nodes.push(await startPrivateRedis({ args }));
    }
    const addresses = nodes.map((node) => `127.0.0.1:${node.port}`);
    const replicas = options.replicas ? ['--cluster-replicas', '1'] : [];
    await promisify(execFile)('redis-cli', [
      '--cluster',
      'create',
      ...addresses,
      ...replicas,
      '--cluster-yes',
    ]);
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
