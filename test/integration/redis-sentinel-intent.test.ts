import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/store/keys.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SentinelSet, startSentinelSet } from '../support/redis-sentinels.js';
import {
  expectCopyWithoutReplica,
  INES,
  REPLICA_TEST_ACK_MS,
  sendWhileReplicaSleeps,
  startSlackReadingReplica,
} from '../support/replica-intent.js';
import type { SlackDouble } from '../support/slack-double.js';

const KEY = 'sentinel-intent:ines';

/**
 * Cohorte on Redis Sentinel, with a replica that lags: the intent noted before a copy leaves must be on the replica
 * by the time Slack receives the copy. Were the primary to die then, the promoted replica would still know the copy
 * may be out, and a retry would look for it in the conversation instead of posting it a second time.
 */
describe('Redis Sentinel: a copy leaves once the replica has its intent', () => {
  let set: SentinelSet;
  let slack: SlackDouble;
  let bot: RunningCohorte;
  let replica: Redis;
  /** What the replica held under the copy's intent when Slack received the copy (`null`: nothing, or no answer). */
  let onReplicaAtReceipt: (string | null)[] = [];

  beforeAll(async () => {
    set = await startSentinelSet({ replicaArgs: ['--enable-debug-command', 'yes'] });
    // A replica that does not answer within 150 ms has not applied anything the primary sent meanwhile.
    replica = new Redis({ port: set.replica.port, host: '127.0.0.1', commandTimeout: 150 });
    let intentKey = '';
    ({ slack, atReceipt: onReplicaAtReceipt } = await startSlackReadingReplica(() => ({
      replica,
      intentKey,
    })));
    bot = await startCohorte({
      name: 'sentinel-intent',
      slackApiUrl: slack.url,
      env: set.env,
      redisUrl: set.primary.url,
      replicaAckMs: REPLICA_TEST_ACK_MS,
    });
    intentKey = createKeys(bot.prefix).deliveryIntent(KEY);
  }, 60_000);
  afterAll(async () => {
    replica?.disconnect();
    await bot?.stop();
    await slack?.close();
    await set?.stop();
  });

  it('Inès gets her copy once, and the replica held its intent when Slack received it', async () => {
    const text = 'Session de jeudi : le lieu change';
    await sendWhileReplicaSleeps(bot, slack, { port: set.replica.port, probe: replica }, KEY, text);
    expect(slack.messages(INES.id).map((m) => m.text)).toEqual([text]);
    // The intent of the copy's first (and only) part, with its planned time.
    expect(onReplicaAtReceipt).toEqual([expect.stringMatching(/^0:\d+$/)]);
  });

  it('with the replica down, Inès still gets her copy, and the log says no replica acknowledged it', async () => {
    replica.disconnect();
    await set.replica.stop();
    await expectCopyWithoutReplica(
      bot,
      slack,
      'sentinel-intent:lone-primary',
      'Session de vendredi : annulée',
    );
  });
});
