import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

const hello = (text: string) => textMessage(plain(text));

describe('outbox (real Redis, BullMQ and the Slack Web API double)', () => {
  let slack: SlackDouble;
  let bot: RunningCohorte;
  const start = async (env: Record<string, string> = {}) => {
    bot = await startCohorte({ name: 'outbox', slackApiUrl: slack.url, env });
  };

  beforeEach(async () => {
    slack = await startSlackDouble({
      users: [
        { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' },
        { id: 'U0GONE', email: 'thomas.nguyen@beta.gouv.fr', name: 'Thomas Nguyen', deleted: true },
      ],
    });
  });
  afterEach(async () => {
    await bot?.stop();
    await slack.close();
  });

  it('delivers a message once even when the same key is sent twice', async () => {
    await start();
    const { outbox } = bot.cohorte.services;
    await outbox.send({ key: 'k:1', to: { kind: 'channel', channel: 'C0DEFI' }, message: hello('Bonjour') });
    await outbox.send({ key: 'k:1', to: { kind: 'channel', channel: 'C0DEFI' }, message: hello('Bonjour') });
    await waitFor(() => slack.messages('C0DEFI').length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.messages('C0DEFI').map((m) => m.text)).toEqual(['Bonjour']);
  });

  it('opens a DM once per person, by e-mail, and reuses it', async () => {
    await start();
    const { outbox } = bot.cohorte.services;
    for (const n of [1, 2]) {
      await outbox.send({
        key: `dm:${n}`,
        to: { kind: 'person', email: 'Ines.Moreau@beta.gouv.fr' },
        message: hello(`Message ${n}`),
      });
    }
    await waitFor(() => slack.callsTo('chat.postMessage').filter((c) => c.status === 200).length === 2);
    expect(slack.callsTo('users.lookupByEmail')).toHaveLength(1);
    expect(slack.callsTo('conversations.open')).toHaveLength(1);
    const channels = slack.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(new Set(channels).size).toBe(1);
  });

  it('waits Retry-After on a 429 and then delivers exactly once', async () => {
    await start();
    slack.rateLimit('chat.postMessage', { retryAfterSeconds: 1, times: 1 });
    const sentAt = Date.now();
    await bot.cohorte.services.outbox.send({
      key: 'r:1',
      to: { kind: 'channel', channel: 'C0RL' },
      message: hello('Plus tard'),
    });
    await waitFor(() => slack.messages('C0RL').length === 1, 8000);
    const calls = slack.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - sentAt).toBeLessThan(8000);
  });

  it('paces posts in one channel to one per interval, other channels unaffected', async () => {
    await start({ OUTBOX_CHANNEL_INTERVAL_MS: '1000' });
    slack.setLimits({ perChannelPerSecond: 1 });
    const { outbox } = bot.cohorte.services;
    for (const n of [1, 2, 3]) {
      await outbox.send({
        key: `p:${n}`,
        to: { kind: 'channel', channel: 'C0SAME' },
        message: hello(`n${n}`),
      });
    }
    await outbox.send({
      key: 'p:other',
      to: { kind: 'channel', channel: 'C0OTHER' },
      message: hello('autre'),
    });
    await waitFor(() => slack.messages('C0SAME').length === 3, 8000);
    const same = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0SAME');
    expect(same.every((c) => c.status === 200)).toBe(true);
    expect(slack.messages('C0OTHER')).toHaveLength(1);
  });

  it('gives up at once on a person Slack does not know, without retrying', async () => {
    await start();
    await bot.cohorte.services.outbox.send({
      key: 'u:1',
      to: { kind: 'person', email: 'personne@nulle-part.fr' },
      message: hello('?'),
    });
    await waitFor(() =>
      bot.logs.some((l) => l.includes('outbox delivery failed') && l.includes('user_not_found')),
    );
    // Past the first retry's back-off (2 s): nothing more was tried.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    // One lookup to find the person, one to tell the report why (deactivated or nobody): no retry after them.
    expect(slack.callsTo('users.lookupByEmail')).toHaveLength(2);
    // Given up, the job keeps neither the address nor the text for its 30 days: only the digest of its key.
    const [failed] = await bot.cohorte.queues.outbox.getFailed();
    expect(failed?.data).toEqual({ scrubbed: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('posts each part of a long message once, even when a later part hits a 429', async () => {
    await start();
    slack.setLimits({ perChannelPerSecond: 1 });
    const long = textMessage(...Array.from({ length: 120 }, (_, i) => plain(`ligne ${i + 1}`)));
    await bot.cohorte.services.outbox.send({
      key: 'long:1',
      to: { kind: 'channel', channel: 'C0LONG' },
      message: long,
    });
    await waitFor(() => slack.messages('C0LONG').length === 3, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const posted = slack.callsTo('chat.postMessage').filter((c) => c.status === 200);
    expect(posted).toHaveLength(3);
    expect(slack.callsTo('chat.postMessage').some((c) => c.status === 429)).toBe(true);
    const texts = slack
      .messages('C0LONG')
      .flatMap((m) => (m.blocks as { text?: { text: string } }[]).map((b) => b.text?.text));
    expect(texts).toEqual(Array.from({ length: 120 }, (_, i) => `ligne ${i + 1}`));
  });

  it('uploads an attached file into the DM with the message as its comment', async () => {
    await start();
    await bot.cohorte.services.outbox.send({
      key: 'f:1',
      to: { kind: 'person', email: 'ines.moreau@beta.gouv.fr' },
      message: hello('Vos données <!channel> & co'),
      file: { name: 'data.json', content: '{"a":1}\n' },
    });
    await waitFor(() => slack.files.length === 1);
    expect(slack.files[0]).toMatchObject({
      name: 'data.json',
      content: '{"a":1}\n',
      // Escaped like any post: the comment never pings the channel.
      initialComment: 'Vos données &lt;!channel&gt; &amp; co',
    });
  });
});
