import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplicatedWrites } from '../../src/store/replicated-writes.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { ask, type PrivateRedis } from '../support/private-redis.js';
import { type RedisClusterSet, startRedisCluster } from '../support/redis-cluster.js';
import {
  expectCopyWithoutReplica,
  INES,
  REPLICA_ASLEEP_S,
  REPLICA_TEST_ACK_MS,
  replicaAsleep,
  sendToInes,
  sendWhileReplicaSleeps,
  startSlackReadingReplica,
} from '../support/replica-intent.js';
import type { SlackDouble } from '../support/slack-double.js';
import { waitFor, waitForAsync } from '../support/wait.js';

/** `CLUSTER SLOTS`: ranges of slots, each with its primary then its replicas as `[host, port, id]`. */
type SlotRanges = [number, number, ...[string, number, string][]][];

/**
 * Cohorte on a Redis Cluster with a replica per primary, the replica of the primary holding Cohorte's keys lagging:
 * the intent noted before a copy leaves must be on that replica by the time Slack receives the copy, as behind
 * sentinels (redis-sentinel-intent.test.ts). The WAIT must run on the primary that owns the key's slot (through the
 * cluster client, a command without a key goes to any node), and that primary changes on a failover.
 */
describe('Redis Cluster: a copy leaves once the replica of the primary holding its intent has it', () => {
  let cluster: RedisClusterSet;
  let slack: SlackDouble;
  let bot: RunningCohorte;
  /** Cohorte's slot (all its keys share one hash tag). */
  let slot = 0;
  /** The replica the copy's intent is read from while it sleeps, on a connection of the test's. */
  let replica: Redis | undefined;
  let intentKey = '';
  /** What the replica held under the copy's intent when Slack received the copy (`null`: nothing, or no answer). */
  let onReplicaAtReceipt: (string | null)[] = [];

  /** The slot map of a running node: ranges of slots, each with its primary then its replicas. */
  const slotRanges = (node: PrivateRedis) => ask(node.port, 'CLUSTER', 'SLOTS') as Promise<SlotRanges>;
  const nodeAt = (port: number) => cluster.nodes.find((node) => node.port === port);

  /** The primary owning Cohorte's slot and its replica, if every node still running agrees on them. */
  async function owner(): Promise<{ primary: PrivateRedis; replica: PrivateRedis } | undefined> {
    const views = new Set<string>();
    for (const node of cluster.nodes) {
      const ranges = await slotRanges(node).catch(() => undefined);
      const range = ranges?.find(([from, to]) => from <= slot && slot <= to);
      if (ranges) views.add(`${range?.[2]?.[1]}/${range?.[3]?.[1]}`);
    }
    const [primary, replica] = [...views][0]?.split('/').map((port) => nodeAt(Number(port))) ?? [];
    return views.size === 1 && primary && replica ? { primary, replica } : undefined;
  }

  beforeAll(async () => {
    // A replica is in the slot map once it has replicated something: an empty primary's first write is the PING it
    // sends its replicas (every 10 s by default, every second here; no 5 s wait before the first sync either).
    const args = ['--repl-diskless-sync-delay', '0', '--repl-ping-replica-period', '1'];
    // A replica asleep must not be taken for failed, with seconds to spare on a loaded machine (the last value given
    // wins over the helper's 1 s).
    args.push('--cluster-node-timeout', String(REPLICA_ASLEEP_S * 1000 + 3500));
    cluster = await startRedisCluster({ replicas: true, args: [...args, '--enable-debug-command', 'yes'] });
    ({ slack, atReceipt: onReplicaAtReceipt } = await startSlackReadingReplica(() =>
      replica ? { replica, intentKey } : undefined,
    ));
    // Every primary with its replica in every node's slot map (Cohorte reads it from any node at its start).
    await waitForAsync(async () => {
      for (const node of cluster.nodes)
        if ((await slotRanges(node)).some((range) => range.length < 4)) return false;
      return true;
    }, 10_000);
    bot = await startCohorte({
      name: 'cluster-intent',
      slackApiUrl: slack.url,
      env: cluster.env,
      replicaAckMs: REPLICA_TEST_ACK_MS,
    });
    const tagged = bot.cohorte.stores.keys.deliveryIntent('any');
    slot = Number(await ask(cluster.nodes[0]?.port ?? 0, 'CLUSTER', 'KEYSLOT', tagged));
    // A first copy opens the conversation: the copies sent while a replica sleeps leave at once.
    await sendAndWait('cluster-intent:hello', 'Bienvenue');
  }, 60_000);
  afterAll(async () => {
    replica?.disconnect();
    await bot?.stop();
    await slack?.close();
    await cluster?.stop();
  });

  /** Sends `text` under `key` while the replica of Cohorte's slot sleeps, and reads the intent on it at receipt. */
  async function sendWhileSlotReplicaSleeps(key: string, text: string) {
    const { replica: node } = (await owner()) ?? {};
    if (!node) throw new Error('no replica named for the slot');
    replica?.disconnect();
    // A replica that does not answer within 150 ms has not applied anything the primary sent meanwhile. READONLY:
    // a cluster replica answers reads of its slots instead of redirecting them to the primary.
    replica = new Redis({ port: node.port, host: '127.0.0.1', commandTimeout: 150, readOnly: true });
    intentKey = bot.cohorte.stores.keys.deliveryIntent(key);
    await sendWhileReplicaSleeps(bot, slack, { port: node.port, probe: replica }, key, text);
    replica.disconnect();
    replica = undefined;
  }

  async function sendAndWait(key: string, text: string) {
    await sendToInes(bot, key, text);
    await waitFor(() => slack.messages(INES.id).some((m) => m.text === text), 10_000, text);
  }

  it('Inès gets her copy once, and the replica held its intent when Slack received it', async () => {
    await sendWhileSlotReplicaSleeps('cluster-intent:ines', 'Session de jeudi : le lieu change');
    expect(slack.messages(INES.id).map((m) => m.text)).toEqual([
      'Bienvenue',
      'Session de jeudi : le lieu change',
    ]);
    // The intent of the copy's first (and only) part, with its planned time.
    expect(onReplicaAtReceipt).toEqual([expect.stringMatching(/^0:\d+$/)]);
  });

  it('after a failover, the intent is waited for on the new primary, and its replica had it', async () => {
    const before = await owner();
    if (!before) throw new Error('no replica named for the slot');
    await ask(before.replica.port, 'CLUSTER', 'FAILOVER');
    await waitForAsync(async () => {
      const now = await owner();
      return now?.primary === before.replica && now.replica === before.primary;
    }, 10_000);
    // Cohorte's slot map may still name the former primary, which answers the write MOVED: the write goes on to the
    // new primary at once, instead of failing the delivery (retried seconds later).
    await sendAndWait('cluster-intent:moved', 'Session de jeudi : salle 2');
    expect(bot.logs.filter((line) => line.includes('outbox delivery failed'))).toEqual([]);
    // Once every connection follows the new map (else the copy is sent late, the sleeping node answering MOVED).
    await sendWhileSlotReplicaSleeps('cluster-intent:after-failover', 'Session de jeudi : 14 h');
    expect(slack.messages(INES.id).map((m) => m.text)).toEqual([
      'Bienvenue',
      'Session de jeudi : le lieu change',
      'Session de jeudi : salle 2',
      'Session de jeudi : 14 h',
    ]);
    expect(onReplicaAtReceipt).toEqual([expect.stringMatching(/^0:\d+$/), expect.stringMatching(/^0:\d+$/)]);
  });

  it('a primary whose replica lags, another whose replica answers: one warning, not one per write', async () => {
    const now = await owner();
    if (!now) throw new Error('no replica named for the slot');
    const ranges = await slotRanges(now.primary);
    /** A key whose slot another primary owns, with a replica. */
    let elsewhere = '';
    for (let i = 0; !elsewhere; i++) {
      const candidate = `cluster-intent:elsewhere-${i}`;
      const at = Number(await ask(now.primary.port, 'CLUSTER', 'KEYSLOT', candidate));
      const range = ranges.find(([from, to]) => from <= at && at <= to);
      if (range && range.length >= 4 && range[2]?.[1] !== now.primary.port) elsewhere = candidate;
    }
    const logged: string[] = [];
    const log = {
      info: (_: object, msg: string) => logged.push(msg),
      warn: (_: object, msg: string) => logged.push(msg),
      error: () => {},
    };
    const unused = new Redis({ lazyConnect: true });
    const writes = createReplicatedWrites(
      { cluster: [{ host: '127.0.0.1', port: now.primary.port }] },
      unused,
      log,
      200,
    );
    try {
      await writes.ready();
      // Cohorte's slot's replica asleep (under the node timeout: still in the slot map): its WAITs time out.
      const { awake } = await replicaAsleep(now.replica.port);
      const lagging = bot.cohorte.stores.keys.deliveryIntent('cluster-intent:lagging');
      for (let round = 0; round < 2; round++) {
        await writes.set(lagging, 'x', 60);
        await writes.set(elsewhere, 'x', 60);
      }
      await awake;
    } finally {
      writes.close();
    }
    expect(logged).toEqual(['no Redis replica acknowledged a write: going on without one']);
  });

  it('with the replica down, Inès still gets her copy, and the log says no replica acknowledged it', async () => {
    const { replica: node } = (await owner()) ?? {};
    await node?.stop();
    await expectCopyWithoutReplica(
      bot,
      slack,
      'cluster-intent:lone-primary',
      'Session de vendredi : annulée',
    );
  });
});
