import { ask, type PrivateRedis, startPrivateRedis } from './private-redis.js';
import { waitForAsync } from './wait.js';

/** The name the sentinels know the primary by. */
const NAME = 'cohorte';

/** A primary, its replica and three sentinels of the test's own, each a redis-server on a free port. */
export interface SentinelSet {
  primary: PrivateRedis;
  replica: PrivateRedis;
  /** What Cohorte is given: `REDIS_SENTINELS` and `REDIS_SENTINEL_NAME`. */
  env: { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string };
  /** The port the sentinels name as primary now. */
  primaryPort(): Promise<number>;
  /** What a server says it is now: `master` or `slave`. */
  roleOf(server: PrivateRedis): Promise<string>;
  /** Stops every server and removes their folders. */
  stop(): Promise<void>;
}

/**
 * Starts the set and resolves once the replica is in sync and the sentinels know the replica and each other. A
 * primary silent for a second is down (`down-after-milliseconds` 1000, quorum 2) and failed over at once.
 * `replicaArgs` are added to the replica's command line (`--enable-debug-command yes`, to put it to sleep).
 */
export async function startSentinelSet(options: { replicaArgs?: string[] } = {}): Promise<SentinelSet> {
  const primary = await startPrivateRedis();
  const replica = await startPrivateRedis({
    args: ['--replicaof', '127.0.0.1', String(primary.port), ...(options.replicaArgs ?? [])],
  });
  const config = [
    `sentinel monitor ${NAME} 127.0.0.1 ${primary.port} 2`,
    `sentinel down-after-milliseconds ${NAME} 1000`,
    `sentinel failover-timeout ${NAME} 3000`,
    '',
  ].join('\n');
  const sentinels = [
    await startPrivateRedis({ config, args: ['--sentinel'] }),
    await startPrivateRedis({ config, args: ['--sentinel'] }),
    await startPrivateRedis({ config, args: ['--sentinel'] }),
  ];
  const all = [...sentinels, replica, primary];
  const set: SentinelSet = {
    primary,
    replica,
    env: {
      REDIS_SENTINELS: sentinels.map((s) => `127.0.0.1:${s.port}`).join(','),
      REDIS_SENTINEL_NAME: NAME,
    },
    async primaryPort() {
      const [, port] = (await ask(
        sentinels[0]?.port ?? 0,
        'SENTINEL',
        'get-master-addr-by-name',
        NAME,
      )) as string[];
      return Number(port);
    },
    async roleOf(server) {
      return String(((await ask(server.port, 'ROLE')) as unknown[])[0]);
    },
    async stop() {
      for (const server of all) await server.remove();
    },
  };
  try {
    await waitForAsync(
      async () => String(await ask(replica.port, 'INFO', 'replication')).includes('master_link_status:up'),
      10_000,
    );
    for (const sentinel of sentinels) {
      await waitForAsync(async () => {
        const replicas = (await ask(sentinel.port, 'SENTINEL', 'replicas', NAME)) as unknown[];
        const others = (await ask(sentinel.port, 'SENTINEL', 'sentinels', NAME)) as unknown[];
        return replicas.length === 1 && others.length === 2;
      }, 15_000);
    }
  } catch (error) {
    await set.stop();
    throw error;
  }
  return set;
}
