import { Worker } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import type { Target } from '../../src/core/ports.js';
import { QUEUE_NAMES } from '../../src/queue/queues.js';
import { createKeys } from '../../src/store/keys.js';
import { expiresAt } from '../support/age-redis.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const text = (value: string) => textMessage(plain(value));
const channel: Target = { kind: 'channel', channel: 'C0ANNONCES' };

describe('outbox updates (real Redis, BullMQ and the Slack Web API double)', () => {
  let slack: SlackDouble;
  let bot: RunningCohorte;

  beforeEach(async () => {
    slack = await startSlackDouble({
      users: [{ id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' }],
    });
    bot = await startCohorte({ name: 'outbox-update', slackApiUrl: slack.url });
  });
  afterEach(async () => {
    await bot.stop();
    await slack.close();
  });

  /** Every update job asked for has run (older versions asked while a newer one waits get no job at all). */
  const settled = () =>
    waitForAsync(async () => {
      const counts = await bot.cohorte.queues.outbox.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
      );
      return Object.values(counts).every((count) => count === 0);
    });

  it('edits the message delivered under a key, in a DM too', async () => {
    const { outbox } = bot.cohorte.services;
    const ines: Target = { kind: 'person', email: 'ines.moreau@beta.gouv.fr' };
    await outbox.send({ key: 'a:1', to: ines, message: text('12 inscrits') });
    await waitFor(() => slack.messages('DU0INES').length === 1);
    await outbox.update({ key: 'a:1', to: ines, message: text('13 inscrits'), version: 1 });
    await waitFor(() => slack.messages('DU0INES')[0]?.text === '13 inscrits');
    expect(slack.messages('DU0INES')).toHaveLength(1);
    expect(slack.messages('DU0INES')[0]?.edited).toBeDefined();
  });

  it('never applies an older version after a newer one, whatever order they are queued in', async () => {
    const { outbox } = bot.cohorte.services;
    await outbox.send({ key: 'a:1', to: channel, message: text('v0') });
    await waitFor(() => slack.messages('C0ANNONCES').length === 1);
    for (const version of [3, 1, 2]) {
      await outbox.update({ key: 'a:1', to: channel, message: text(`v${version}`), version });
    }
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'v3');
    await settled();
    const applied = slack.callsTo('chat.update').map((call) => Number(String(call.args.text).slice(1)));
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
    expect(applied.at(-1)).toBe(3);
    expect(slack.messages('C0ANNONCES').map((m) => m.text)).toEqual(['v3']);

    // A late older version (a retry, a slow producer) finds a newer one applied and changes nothing.
    const calls = slack.callsTo('chat.update').length;
    await outbox.update({ key: 'a:1', to: channel, message: text('v2 encore'), version: 2 });
    await outbox.update({ key: 'a:1', to: channel, message: text('v0 encore'), version: 0 });
    await settled();
    expect(slack.callsTo('chat.update')).toHaveLength(calls);
    expect(slack.messages('C0ANNONCES').map((m) => m.text)).toEqual(['v3']);
  });

  it('coalesces a burst of versions into a few edits that end on the newest', async () => {
    const { outbox } = bot.cohorte.services;
    await outbox.send({ key: 'a:1', to: channel, message: text('v0') });
    await waitFor(() => slack.messages('C0ANNONCES').length === 1);
    const versions = Array.from({ length: 40 }, (_, i) => i + 1);
    await Promise.all(
      versions.map((version) =>
        outbox.update({ key: 'a:1', to: channel, message: text(`v${version}`), version }),
      ),
    );
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'v40', 5000);
    await settled();
    expect(slack.callsTo('chat.update').length).toBeLessThanOrEqual(3);
    expect(slack.messages('C0ANNONCES').map((m) => m.text)).toEqual(['v40']);
  });

  it('keeps what it knows of a message as long as it may be updated, never less than 30 days', async () => {
    const { outbox } = bot.cohorte.services;
    const keys = createKeys(bot.prefix);
    const day = 24 * 3600_000;
    /** When the delivery's marker, its parts and its applied version expire. */
    const kept = async (key: string) => [
      await expiresAt(keys.delivered(key)),
      await expiresAt(keys.deliveredParts(key)),
      await expiresAt(keys.updatedVersion(key)),
    ];
    const in60Days = new Date(Date.now() + 60 * day);
    await outbox.send({ key: 'a:1', to: channel, message: text('v0'), keepUntil: in60Days });
    await outbox.send({ key: 'a:2', to: channel, message: text('v0') });
    await waitFor(() => slack.messages('C0ANNONCES').length === 2);
    await outbox.update({ key: 'a:1', to: channel, message: text('v1'), version: 1 });
    await outbox.update({ key: 'a:2', to: channel, message: text('v1'), version: 1 });
    await settled();
    for (const at of await kept('a:1')) expect(at).toBeGreaterThanOrEqual(in60Days.getTime() - 1000);
    for (const at of await kept('a:2')) expect(at).toBeLessThanOrEqual(Date.now() + 30 * day + 1000);

    // An update asking longer (a session moved later) keeps it longer; none shortens it.
    const in90Days = new Date(Date.now() + 90 * day);
    await outbox.update({ key: 'a:1', to: channel, message: text('v2'), version: 2, keepUntil: in90Days });
    await outbox.update({ key: 'a:2', to: channel, message: text('v2'), version: 2, keepUntil: new Date() });
    await settled();
    for (const at of await kept('a:1')) expect(at).toBeGreaterThanOrEqual(in90Days.getTime() - 1000);
    for (const at of await kept('a:2')) expect(at).toBeGreaterThanOrEqual(Date.now() + 29 * day);
    expect(slack.messages('C0ANNONCES').map((m) => m.text)).toEqual(['v2', 'v2']);
  });

  it('holds an update of a message not delivered yet until it is, then applies it', async () => {
    const { outbox } = bot.cohorte.services;
    await outbox.update({ key: 'a:1', to: channel, message: text('modifiée'), version: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.update')).toHaveLength(0);
    await outbox.send({ key: 'a:1', to: channel, message: text('originale') });
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'modifiée', 10_000);
    expect(slack.callsTo('chat.postMessage').map((call) => call.args.text)).toEqual(['originale']);
  });

  it('edits every part of a long message and removes the parts a shorter one no longer needs', async () => {
    const { outbox } = bot.cohorte.services;
    const long = textMessage(...Array.from({ length: 120 }, (_, i) => plain(`ligne ${i + 1}`)));
    await outbox.send({ key: 'a:1', to: channel, message: long });
    await waitFor(() => slack.messages('C0ANNONCES').length === 3, 10_000);
    await outbox.update({ key: 'a:1', to: channel, message: text('résumé'), version: 1 });
    await waitFor(() => slack.messages('C0ANNONCES').length === 1, 10_000);
    expect(slack.messages('C0ANNONCES')[0]?.text).toBe('résumé');

    // The next edit touches only the part that is left.
    await outbox.update({ key: 'a:1', to: channel, message: text('résumé corrigé'), version: 2 });
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'résumé corrigé');
    await settled();
    expect(slack.messages('C0ANNONCES').map((m) => m.text)).toEqual(['résumé corrigé']);
    expect(slack.callsTo('chat.update').every((call) => call.status === 200 && !call.error)).toBe(true);
  });

  it('applies the last version when the one before it was asked for again after it was applied', async () => {
    // A progress round run again after its worker was killed (its update already out), then the final report.
    const { outbox } = bot.cohorte.services;
    await outbox.send({ key: 'a:1', to: channel, message: text('v0') });
    await waitFor(() => slack.messages('C0ANNONCES').length === 1);
    await outbox.update({ key: 'a:1', to: channel, message: text('v1'), version: 1 });
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'v1');
    await settled();
    await outbox.update({ key: 'a:1', to: channel, message: text('v1'), version: 1 });
    await outbox.update({ key: 'a:1', to: channel, message: text('rapport final'), version: 2 });
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'rapport final', 10_000);
    expect(slack.messages('C0ANNONCES')).toHaveLength(1);
  });

  it('shows a newer version while the worker that took the pending update is dead', async () => {
    // No worker in `bot` for this one: a web instance, and workers that come and go on its Redis prefix.
    await bot.stop();
    const lock = { WORKER_LOCK_MS: '60000' };
    bot = await startCohorte({
      name: 'outbox-update',
      slackApiUrl: slack.url,
      env: { ROLE: 'web', ...lock },
    });
    const worker = () =>
      startCohorte({
        name: 'outbox-update-worker',
        slackApiUrl: slack.url,
        env: { ROLE: 'worker', REDIS_PREFIX: bot.prefix, ...lock },
      });
    const { outbox } = bot.cohorte.services;
    const first = await worker();
    await outbox.send({ key: 'a:1', to: channel, message: text('v0') });
    await waitFor(() => slack.messages('C0ANNONCES').length === 1);
    await first.cohorte.stop();

    // A worker takes version 1's update job and dies at once: its lock would hold the job for a minute.
    await outbox.update({ key: 'a:1', to: channel, message: text('v1'), version: 1 });
    const { opts } = bot.cohorte.queues.outbox;
    const dead = new Worker(QUEUE_NAMES.outbox, null, {
      connection: {
        ...(opts.connection as RedisOptions),
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
      },
      prefix: opts.prefix,
      lockDuration: 60_000,
    });
    const taken = await dead.getNextJob('dead-worker');
    expect(taken?.name).toBe('update');
    await dead.close(true);

    // The status keeps changing, as an announcement's progress rounds do, and a live worker shows it.
    const live = await worker();
    try {
      let version = 1;
      await waitForAsync(async () => {
        version += 1;
        await outbox.update({ key: 'a:1', to: channel, message: text(`v${version}`), version });
        return slack.messages('C0ANNONCES')[0]?.text !== 'v0';
      }, 10_000);
      expect(slack.messages('C0ANNONCES')).toHaveLength(1);
    } finally {
      await live.cohorte.stop();
    }
  });
});

describe('outbox retention, read on the bot’s clock', () => {
  const day = 24 * 3600_000;
  // The bot's clock 100 days behind the machine's (a test's fixed date, the local shell's moved clock): `keepUntil`
  // is a date on that clock, so what is kept lives until then on it, not by the machine's calendar.
  const now = new Date(Date.now() - 100 * day);
  let slack: SlackDouble;
  let bot: RunningCohorte;

  beforeEach(async () => {
    slack = await startSlackDouble({ users: [] });
    bot = await startCohorte({
      name: 'outbox-kept-clock',
      slackApiUrl: slack.url,
      clock: { now: () => now },
    });
  });
  afterEach(async () => {
    await bot.stop();
    await slack.close();
  });

  it('keeps a message 60 days when it may be updated for 60 days on the bot’s clock, 90 once moved', async () => {
    const { outbox } = bot.cohorte.services;
    const keys = createKeys(bot.prefix);
    const kept = async () => [
      await expiresAt(keys.delivered('a:1')),
      await expiresAt(keys.deliveredParts('a:1')),
    ];
    await outbox.send({ key: 'a:1', to: channel, message: text('v0'), keepUntil: new Date(+now + 60 * day) });
    await waitFor(() => slack.messages('C0ANNONCES').length === 1);
    for (const at of await kept()) expect(at).toBeGreaterThanOrEqual(Date.now() + 59 * day);

    await outbox.update({
      key: 'a:1',
      to: channel,
      message: text('v1'),
      version: 1,
      keepUntil: new Date(+now + 90 * day),
    });
    await waitFor(() => slack.messages('C0ANNONCES')[0]?.text === 'v1');
    await waitForAsync(async () => (await expiresAt(keys.updatedVersion('a:1'))) !== undefined);
    for (const at of [...(await kept()), await expiresAt(keys.updatedVersion('a:1'))])
      expect(at).toBeGreaterThanOrEqual(Date.now() + 89 * day);
  });
});
