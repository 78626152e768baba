import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import type { DeliveryStatus } from '../../src/core/ports.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitForAsync } from '../support/wait.js';

const INES = { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' };

/**
 * Posts whose outcome Slack left unknown (a 5xx after posting): the outbox looks for them in the conversation
 * before posting again, and whatever happens, a copy is never posted twice nor dropped without the report saying
 * it may have arrived.
 */
describe('outbox: a post Slack answered with a 5xx (real Redis, BullMQ and the Slack double)', () => {
  let slack: SlackDouble;
  let bot: RunningCohorte;

  beforeEach(async () => {
    slack = await startSlackDouble({ users: [INES] });
    // The in-flight wait only has to outlast a call to the double.
    bot = await startCohorte({
      name: 'outbox-ambiguous',
      slackApiUrl: slack.url,
      env: { OUTBOX_IN_FLIGHT_MS: '300' },
    });
  });
  afterEach(async () => {
    await bot?.stop();
    await slack.close();
  });

  /** Sends one message and waits until the outbox has settled it (sent or failed). */
  async function settle(
    key: string,
    to: Parameters<RunningCohorte['cohorte']['services']['outbox']['send']>[0]['to'],
  ) {
    const { outbox } = bot.cohorte.services;
    await outbox.send({ key, to, message: textMessage(plain('Session de jeudi : le lieu change')) });
    let status: DeliveryStatus = { state: 'pending' };
    await waitForAsync(async () => {
      [status = { state: 'pending' }] = await outbox.statuses([key]);
      return status.state !== 'pending';
    }, 15_000);
    return status;
  }

  it('in a public channel it never joined, joins it to look, finds the copy and does not post it again', async () => {
    slack.serverErrorAfter('chat.postMessage', 503);
    const status = await settle('ambiguous:public', { kind: 'channel', channel: 'C0PUBLIC' });
    const [copy, ...others] = slack.messages('C0PUBLIC');
    expect(others).toEqual([]);
    expect(status).toEqual({ state: 'sent', messageId: copy?.ts });
    expect(slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([503]);
    expect(slack.callsTo('conversations.join').map((c) => [c.args.channel, c.status, c.error])).toEqual([
      ['C0PUBLIC', 200, undefined],
    ]);
  });

  it('when Slack refuses to let it join (no channels:join), posts again and logs why it could not look', async () => {
    slack.serverErrorAfter('chat.postMessage', 503);
    slack.failNext('conversations.join', 'missing_scope');
    const status = await settle('ambiguous:nojoin', { kind: 'channel', channel: 'C0NOJOIN' });
    // At least once rather than lost: the copy the 503 hid is there, and one more.
    const copies = slack.messages('C0NOJOIN');
    expect(copies).toHaveLength(2);
    expect(status).toEqual({ state: 'sent', messageId: copies[1]?.ts });
    expect(bot.logs.some((l) => l.includes('slack channel not joined') && l.includes('missing_scope'))).toBe(
      true,
    );
  });

  it('looks again after a 429 on the lookup instead of posting a second copy', async () => {
    slack.serverErrorAfter('chat.postMessage', 500);
    slack.rateLimit('conversations.history', { retryAfterSeconds: 1 });
    const status = await settle('ambiguous:ratelimited', { kind: 'person', email: INES.email });
    const [copy, ...others] = slack.messages(INES.id);
    expect(others).toEqual([]);
    expect(status).toEqual({ state: 'sent', messageId: copy?.ts });
    expect(slack.callsTo('conversations.history').map((c) => c.status)).toEqual([429, 200]);
  });

  it('when the lookup is refused for good, fails the copy as unconfirmed, never as a plain refusal', async () => {
    slack.serverErrorAfter('chat.postMessage', 502);
    // The channel was deleted right after the post.
    slack.failNext('conversations.history', 'channel_not_found');
    const status = await settle('ambiguous:refused', { kind: 'person', email: INES.email });
    expect(status).toEqual({ state: 'failed', reason: 'unconfirmed:channel_not_found' });
    expect(slack.messages(INES.id)).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
