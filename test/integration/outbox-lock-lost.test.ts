import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import type { DeliveryStatus } from '../../src/core/ports.js';
import { jobIdOf, lockKeyOf } from '../../src/queue/queues.js';
import { createKeys } from '../../src/store/keys.js';
import { REDIS_URL, type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const INES = { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' };
const KEY = 'announce:a1b2c3:person:ines.moreau@beta.gouv.fr';
/** Workspace pace: 10 posts a second, booked 10% under, so one slot every 110 ms. */
const PER_SECOND = 10;
/** How far ahead the workspace is already booked when the copy asks for its slot. */
const BOOKED_AHEAD_MS = 4000;

/**
 * A fan-out copy whose BullMQ lock lapses while its worker is alive (an event loop held up under load: "could not
 * renew lock"): the stalled checker hands the job out again and a second run starts while the first one still waits
 * for its turn in the workspace. The first run read the copy's intent before the second one started and writes its
 * own only after: each run alone would post. The lapse is made exact here by deleting the lock key, which is what
 * its expiry does.
 */
describe('outbox: a copy whose lock lapsed while its worker lives (real Redis, BullMQ and the Slack double)', () => {
  let slack: SlackDouble;
  let bot: RunningCohorte;
  let redis: Redis;

  beforeEach(async () => {
    slack = await startSlackDouble({ users: [INES] });
    bot = await startCohorte({
      name: 'outbox-lock-lost',
      slackApiUrl: slack.url,
      env: {
        WORKER_LOCK_MS: '1000',
        OUTBOX_WORKSPACE_PER_SECOND: String(PER_SECOND),
        OUTBOX_IN_FLIGHT_MS: '1000',
      },
    });
    redis = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    redis?.disconnect();
    await bot?.stop();
    await slack.close();
  });

  it('posts the copy once, reported sent once, when a second run starts while the first waits for its turn', {
    timeout: 20_000,
  }, async () => {
    const keys = createKeys(bot.prefix);
    // Other copies of the fan-out hold the workspace's slots for the next four seconds, 100 ms apart.
    const [seconds = '0', micros = '0'] = await redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const workspace = keys.paceWorkspace('slack', 'post');
    const booked = Array.from({ length: BOOKED_AHEAD_MS / 100 + 1 }, (_, i) => now + i * 100);
    await redis.zadd(workspace, ...booked.flatMap((at) => [at, at]));
    await redis.pexpire(workspace, BOOKED_AHEAD_MS + 5000);

    const { outbox } = bot.cohorte.services;
    const message = textMessage(plain('Annonce : la session de jeudi est déplacée à 14 h'));
    await outbox.send({ key: KEY, to: { kind: 'person', email: INES.email }, message, bulk: true });

    // The first run has opened the DM, found no intent and waits for its slot.
    const job = await bot.cohorte.queues.outbox.getJob(jobIdOf(KEY));
    if (!job) throw new Error('the copy was not queued');
    const lockKey = lockKeyOf(job);
    await waitForAsync(async () => (await redis.get(lockKey)) !== null);
    await waitFor(() => slack.callsTo('conversations.open').length === 1);
    await sleep(300);
    const first = await redis.get(lockKey);
    expect(await redis.exists(keys.deliveryIntent(KEY))).toBe(0);

    // Its lock lapses; the stalled checker hands the job out again while the first run is still waiting.
    await redis.del(lockKey);
    await waitForAsync(async () => ![null, first].includes(await redis.get(lockKey)), 5000);

    const left = 'outbox delivery left to the run that took it over';
    await waitFor(
      () => slack.messages(INES.id).length > 1 || bot.logs.some((line) => line.includes(left)),
      BOOKED_AHEAD_MS + 4000,
    );
    let status: DeliveryStatus = { state: 'pending' };
    await waitForAsync(async () => {
      [status = { state: 'pending' }] = await outbox.statuses([KEY]);
      return status.state !== 'pending';
    }, 5000);
    // Whatever else might still have come.
    await sleep(300);

    const copies = slack.messages(INES.id);
    expect(copies.map((copy) => copy.text)).toEqual(['Annonce : la session de jeudi est déplacée à 14 h']);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(status).toEqual({ state: 'sent', messageId: copies[0]?.ts });
    expect(await outbox.statuses([KEY])).toEqual([status]);
  });
});
