import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import { createKeys } from '../../src/store/keys.js';
import { REPLICA_ACK_MS } from '../../src/store/replicated-writes.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { ask } from '../support/private-redis.js';
import { type SentinelSet, startSentinelSet } from '../support/redis-sentinels.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const INES = { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' };
const KEY = 'sentinel-intent:ines';
/** How long the replica stays unable to apply what the primary sends it. */
const REPLICA_ASLEEP_S = 0.4;

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
  const onReplicaAtReceipt: (string | null)[] = [];

  beforeAll(async () => {
    set = await startSentinelSet({ replicaArgs: ['--enable-debug-command', 'yes'] });
    // A replica that does not answer within 150 ms has not applied anything the primary sent meanwhile.
    replica = new Redis({ port: set.replica.port, host: '127.0.0.1', commandTimeout: 150 });
    let intentKey = '';
    slack = await startSlackDouble({
      users: [INES],
      onReceive: async (method) => {
        if (method === 'chat.postMessage')
          onReplicaAtReceipt.push(await replica.get(intentKey).catch(() => null));
      },
    });
    bot = await startCohorte({
      name: 'sentinel-intent',
      slackApiUrl: slack.url,
      env: set.env,
      redisUrl: set.primary.url,
    });
    intentKey = createKeys(bot.prefix).deliveryIntent(KEY);
  }, 60_000);
  afterAll(async () => {
    replica?.disconnect();
    await bot?.stop();
    await slack?.close();
    await set?.stop();
  });

  const send = (key: string, text: string) =>
    bot.cohorte.services.outbox.send({
      key,
      to: { kind: 'person', email: INES.email },
      message: textMessage(plain(text)),
    });

  it('Inès gets her copy once, and the replica held its intent when Slack received it', async () => {
    const asleep = ask(set.replica.port, 'DEBUG', 'SLEEP', String(REPLICA_ASLEEP_S));
    // Sent once the replica is seen asleep (a PING it leaves unanswered), not after a guessed delay: on a busy
    // machine the copy could otherwise leave before the replica sleeps, and the test pass whether Cohorte waits or not.
    await waitForAsync(
      () =>
        replica.ping().then(
          () => false,
          () => true,
        ),
      5000,
    );
    await send(KEY, 'Session de jeudi : le lieu change');
    await waitFor(() => slack.messages(INES.id).length > 0, 10_000, 'the copy');
    await asleep;
    expect(slack.messages(INES.id).map((m) => m.text)).toEqual(['Session de jeudi : le lieu change']);
    // The intent of the copy's first (and only) part, with its planned time.
    expect(onReplicaAtReceipt).toEqual([expect.stringMatching(/^0:\d+$/)]);
  });

  it('with the replica down, Inès still gets her copy, and the log says no replica acknowledged it', async () => {
    replica.disconnect();
    await set.replica.stop();
    const started = Date.now();
    await send('sentinel-intent:lone-primary', 'Session de vendredi : annulée');
    const copies = () => slack.messages(INES.id).filter((m) => m.text === 'Session de vendredi : annulée');
    await waitFor(() => copies().length > 0, 10_000, 'the copy');
    expect(copies()).toHaveLength(1);
    // Half a second for a replica to answer (REPLICA_ACK_MS), then on without it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(REPLICA_ACK_MS);
    expect(bot.logs.filter((l) => l.includes('no Redis replica acknowledged'))).toHaveLength(1);
  });
});
