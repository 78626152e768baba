import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { SIGNING_SECRET } from '../support/cohorte.js';
import { cohorteBody, command, PEOPLE, type SlackE2e, shown, startSlackE2e } from '../support/slack-e2e.js';
import { postSigned, slackSignature } from '../support/slack-sign.js';
import { waitFor } from '../support/wait.js';

const BOT_TOKEN = 'xoxb-test-token';
const SIX_MINUTES = 6 * 60;

const VectorSchema = z.object({
  test_vector: z.object({
    signing_secret: z.string(),
    x_slack_request_timestamp: z.string(),
    raw_body: z.string(),
    expected_x_slack_signature: z.string(),
  }),
});
const { test_vector: vector } = VectorSchema.parse(
  JSON.parse(
    readFileSync(new URL('../fixtures/slack/request_signing_and_retries.json', import.meta.url), 'utf8'),
  ),
);

describe('Slack request signing', () => {
  it('reproduces Slack’s published test vector', () => {
    const signature = slackSignature(
      vector.signing_secret,
      vector.x_slack_request_timestamp,
      vector.raw_body,
    );
    expect(signature).toBe(vector.expected_x_slack_signature);
    expect(
      slackSignature(vector.signing_secret, vector.x_slack_request_timestamp, `${vector.raw_body}x`),
    ).not.toBe(vector.expected_x_slack_signature);
  });

  it('checks Slack’s own published request: accepted signed now, refused with its 2018 timestamp', async () => {
    const e2e = await startSlackE2e('slack-security-vector', { SLACK_SIGNING_SECRET: vector.signing_secret });
    onTestFinished(() => e2e.stop());
    const url = `${e2e.bot.baseUrl}/slack/events`;
    const stale = await postSigned(url, vector.raw_body, {
      secret: vector.signing_secret,
      timestamp: Number(vector.x_slack_request_timestamp),
    });
    expect(stale.status).toBe(401);
    expect(e2e.double.callsTo('users.info')).toEqual([]);

    const fresh = await postSigned(url, vector.raw_body, { secret: vector.signing_secret });
    expect(fresh.status).toBe(200);
    // `/webhook-collect` is not ours: the person is told so and shown what she can type instead.
    expect(shown(await fresh.json())).toContain(
      'Je ne connais pas `/webhook-collect`. Voici ce que vous pouvez faire',
    );
    expect(e2e.double.callsTo('users.info').map((c) => c.args.user)).toEqual(['U2CERLKJA']);
  });
});

describe('the Slack receiver refuses what Slack did not sign', () => {
  let e2e: SlackE2e;
  let events = '';
  let body = '';
  beforeEach(async () => {
    e2e = await startSlackE2e('slack-security');
    events = `${e2e.bot.baseUrl}/slack/events`;
    // Would ask Slack who U0INES is and answer her, were it accepted.
    body = cohorteBody(PEOPLE.ines.id, 'moi', e2e.double.responseUrl('refused'));
  });
  afterEach(async () => {
    await e2e?.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, () => Promise<Response>][] = [
    ['a forged signature', () => postSigned(events, body, { secret: 'not-the-signing-secret' })],
    [
      'a stale timestamp (now − 6 min)',
      () => postSigned(events, body, { secret: SIGNING_SECRET, timestamp: now() - SIX_MINUTES }),
    ],
    [
      'a correctly signed timestamp 10 min in the future (replayable until then)',
      () => postSigned(events, body, { secret: SIGNING_SECRET, timestamp: now() + 10 * 60 }),
    ],
    [
      'no x-slack-signature',
      () => postSigned(events, body, { secret: SIGNING_SECRET, headers: { 'x-slack-signature': undefined } }),
    ],
    [
      'no timestamp header',
      () =>
        postSigned(events, body, {
          secret: SIGNING_SECRET,
          headers: { 'x-slack-request-timestamp': undefined },
        }),
    ],
    [
      'a body altered after signing',
      () => {
        const ts = now();
        const signature = slackSignature(SIGNING_SECRET, ts, body);
        const altered = body.replace('text=moi', 'text=role+%3C%40U0INES%3E+coordination');
        expect(altered).not.toBe(body);
        return fetch(events, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': signature,
          },
          body: altered,
        });
      },
    ],
  ];

  it.each(refusals)('answers 401 to %s and handles nothing', async (_what, send) => {
    const callsBefore = e2e.double.calls.length;
    const res = await send();
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('Inès');
    // Give a wrongly accepted request the time to reach Slack.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(e2e.double.calls.slice(callsBefore)).toEqual([]);
    expect(e2e.double.responses('refused')).toEqual([]);

    // The same body, signed by Slack's secret just now, goes through: the refusal was the signature's doing.
    const accepted = await postSigned(events, body, { secret: SIGNING_SECRET });
    expect(accepted.status).toBe(200);
    expect(shown(await accepted.json())).toContain('Inès Moreau');
    expect(e2e.double.callsTo('users.info')).toHaveLength(1);
  });

  it('never writes the bot token or the signing secret in its logs, even after Slack refuses a call', async () => {
    e2e.double.failNext('users.info', 'invalid_auth');
    const failed = await command(e2e, PEOPLE.claire.id, 'moi');
    const ref = /Une erreur est survenue de notre côté \(réf\. `([a-z0-9]{6})`\)/.exec(
      shown(failed.json),
    )?.[1];
    expect(ref).toBeDefined();
    await waitFor(
      () => e2e.bot.logs.some((line) => line.includes(`"ref":"${ref}"`)),
      3000,
      'the error log line',
    );
    const errorLine = e2e.bot.logs.find((line) => line.includes(`"ref":"${ref}"`)) ?? '';
    expect(errorLine).toContain('invalid_auth');

    await postSigned(events, body, { secret: 'not-the-signing-secret' });
    await postSigned(events, body, {
      secret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - SIX_MINUTES,
    });
    e2e.double.failNext('users.info', 'invalid_auth');
    const mention = await command(e2e, PEOPLE.claire.id, 'role <@U0NOBODY> mentor lexiq');
    expect(shown(mention.json)).toContain('Une erreur est survenue');
    e2e.double.failNext('conversations.open', 'invalid_auth');
    await command(e2e, PEOPLE.ines.id, 'mes-donnees');
    await waitFor(() => e2e.bot.logs.some((line) => line.includes('outbox delivery failed')), 5000);

    const logs = e2e.bot.logs.join('\n');
    expect(logs).toContain('Failed to parse and verify the request data');
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain(BOT_TOKEN.slice('xoxb-'.length));
    expect(logs).not.toContain(SIGNING_SECRET);
  });
});
