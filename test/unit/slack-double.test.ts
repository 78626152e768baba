import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

const TOKEN = 'xoxb-test-token';
const ADA = { id: 'U0ADA', email: 'ada@example.org', name: 'ada' };

describe('Slack Web API double, driven by the real WebClient', () => {
  let double: SlackDouble;
  let client: WebClient;

  beforeEach(async () => {
    double = await startSlackDouble({ users: [ADA] });
    client = new WebClient(TOKEN, {
      slackApiUrl: double.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
  });

  afterEach(async () => {
    await double.close();
  });

  it('answers auth.test with the bot identity', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({
      ok: true,
      user: 'cohorte',
      team_id: 'T0001',
      user_id: 'UBOT',
      bot_id: 'B0001',
    });
  });

  it('finds a user by e-mail and answers users_not_found for an unknown one', async () => {
    const hit = await client.users.lookupByEmail({ email: 'ADA@example.org' });
    expect(hit.user).toMatchObject({ id: 'U0ADA', name: 'ada', profile: { email: 'ada@example.org' } });

    await expect(client.users.lookupByEmail({ email: 'nobody@example.org' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'users_not_found' },
    });
    expect(double.callsTo('users.lookupByEmail').map((call) => call.error)).toEqual([
      undefined,
      'users_not_found',
    ]);
  });

  it('records chat.postMessage with its blocks decoded, and keeps the message', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Bonjour*' } }];
    const result = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'Bonjour', blocks });

    expect(result).toMatchObject({ ok: true, channel: 'C0GENERAL', message: { text: 'Bonjour', blocks } });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = double.callsTo('chat.postMessage');
    expect(call?.args).toEqual({ channel: 'C0GENERAL', text: 'Bonjour', blocks });
    expect(call?.args).not.toHaveProperty('token');
    expect(double.messages('C0GENERAL')).toMatchObject([{ ts: result.ts, text: 'Bonjour', blocks }]);
  });

  it('gives increasing ts and applies chat.update to the stored message', async () => {
    const first = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'un' });
    const second = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'deux', thread_ts: first.ts });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));

    await client.chat.update({ channel: 'C0GENERAL', ts: String(first.ts), text: 'un (modifié)' });
    expect(double.messages('C0GENERAL').map((message) => message.text)).toEqual(['un (modifié)', 'deux']);
    expect(double.messages('C0GENERAL')[1]?.thread_ts).toBe(first.ts);

    await expect(
      client.chat.update({ channel: 'C0GENERAL', ts: '1.000000', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('turns a 429 into a rate-limited error carrying Retry-After, then answers again', async () => {
    double.rateLimit('chat.postMessage', { retryAfterSeconds: 7, times: 1 });

    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'a' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'b' })).resolves.toMatchObject({
      ok: true,
    });
    expect(double.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('enforces one message per second per channel, channels apart', async () => {
    double.setLimits({ perChannelPerSecond: 1 });

    await client.chat.postMessage({ channel: 'C0ONE', text: '1' });
    await expect(client.chat.postMessage({ channel: 'C0ONE', text: '2' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    await expect(client.chat.postMessage({ channel: 'C0TWO', text: '3' })).resolves.toMatchObject({
      ok: true,
    });
    expect(double.messages('C0ONE')).toHaveLength(1);
  });

  it('enforces the workspace limit across channels', async () => {
    double.setLimits({ workspacePerSecond: 2 });

    await client.chat.postMessage({ channel: 'C0ONE', text: '1' });
    await client.chat.postMessage({ channel: 'C0TWO', text: '2' });
    await expect(client.chat.postMessage({ channel: 'C0THREE', text: '3' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
  });

  it('receives files.uploadV2 end to end and shares the file in the channel', async () => {
    await client.files.uploadV2({
      channel_id: 'C0GENERAL',
      filename: 'notes.txt',
      title: 'Notes',
      content: 'bonjour\nà tous',
      initial_comment: 'Voici les notes',
    });

    expect(double.files).toEqual([
      {
        id: expect.stringMatching(/^F/),
        name: 'notes.txt',
        title: 'Notes',
        channel: 'C0GENERAL',
        content: 'bonjour\nà tous',
        initialComment: 'Voici les notes',
      },
    ]);
    expect(double.messages('C0GENERAL')).toMatchObject([
      { text: 'Voici les notes', files: [{ name: 'notes.txt' }] },
    ]);
  });

  it('answers invalid_arguments when a required parameter is missing', async () => {
    await expect(client.apiCall('chat.postMessage', { text: 'sans canal' })).rejects.toMatchObject({
      data: { ok: false, error: 'invalid_arguments' },
    });
    await expect(client.apiCall('views.open', { view: { type: 'modal' } })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });

  it('opens stable DM and group DM ids, and refuses unknown or deactivated users', async () => {
    double.addUser({ id: 'U0BOB', email: 'bob@example.org', name: 'bob' });
    double.addUser({ id: 'U0OLD', email: 'old@example.org', name: 'old', deleted: true });

    const dm = await client.conversations.open({ users: 'U0ADA' });
    expect(dm.channel?.id).toBe('DU0ADA');
    const group = await client.conversations.open({ users: 'U0BOB,U0ADA' });
    const again = await client.conversations.open({ users: 'U0ADA,U0BOB' });
    expect(group.channel?.id).toMatch(/^G/);
    expect(again.channel?.id).toBe(group.channel?.id);

    await expect(client.conversations.open({ users: 'U0NOBODY' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
    await expect(client.conversations.open({ users: 'U0OLD' })).rejects.toMatchObject({
      data: { error: 'user_disabled' },
    });
  });

  it('answers failNext, channel_not_found, invalid_auth and unknown_method like Slack', async () => {
    double.failNext('users.info', 'fatal_error');
    await expect(client.users.info({ user: 'U0ADA' })).rejects.toMatchObject({
      data: { error: 'fatal_error' },
    });
    await expect(client.users.info({ user: 'U0ADA' })).resolves.toMatchObject({ user: { id: 'U0ADA' } });

    await expect(client.chat.postMessage({ channel: 'CMISSING1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    const intruder = new WebClient('xoxp-user-token', {
      slackApiUrl: double.url,
      retryConfig: { retries: 0 },
    });
    await expect(intruder.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(client.apiCall('chat.nothing', {})).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
  });

  it('accepts JSON bodies with a Bearer token', async () => {
    const response = await fetch(`${double.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        channel: 'U0ADA',
        text: 'en privé',
        metadata: { event_type: 'x', event_payload: {} },
      }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, channel: 'DU0ADA' });
    expect(double.messages('U0ADA')).toMatchObject([{ text: 'en privé', metadata: { event_type: 'x' } }]);
  });

  it('shows a public channel’s history to members only: not_in_channel until the bot joins', async () => {
    await client.chat.postMessage({ channel: 'C0PUBLIC', text: 'posté sans y être (chat:write.public)' });
    await expect(client.conversations.history({ channel: 'C0PUBLIC' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    expect((await client.conversations.join({ channel: 'C0PUBLIC' })).warning).toBeUndefined();
    expect((await client.conversations.join({ channel: 'C0PUBLIC' })).warning).toBe('already_in_channel');
    const history = await client.conversations.history({ channel: 'C0PUBLIC' });
    expect(history.messages?.map((m) => m.text)).toEqual(['posté sans y être (chat:write.public)']);
    await expect(client.conversations.join({ channel: 'DU0ADA' })).rejects.toMatchObject({
      data: { error: 'method_not_supported_for_channel_type' },
    });
  });

  it('can fail a call with a 5xx after doing it, as Slack may: the message is there, the caller got an error', async () => {
    double.serverErrorAfter('chat.postMessage', 503);
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'perdu ?' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
    expect(double.messages('C0GENERAL').map((m) => m.text)).toEqual(['perdu ?']);
    expect(double.callsTo('chat.postMessage').map((c) => c.status)).toEqual([503]);
  });

  it('answers conversations.history newest first, metadata only when asked, within oldest/latest', async () => {
    await client.conversations.join({ channel: 'C0GENERAL' });
    const metadata = { event_type: 'cohorte_delivery', event_payload: { delivery: 'abc', part: 0 } };
    const first = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'un', metadata });
    const second = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'deux' });
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'réponse', thread_ts: String(first.ts) });

    const plainHistory = await client.conversations.history({ channel: 'C0GENERAL' });
    expect(plainHistory.messages?.map((m) => m.text)).toEqual(['deux', 'un']);
    expect(plainHistory.messages?.[1]?.metadata).toBeUndefined();
    const withMetadata = await client.conversations.history({
      channel: 'C0GENERAL',
      include_all_metadata: true,
    });
    expect(withMetadata.messages?.[1]?.metadata).toEqual(metadata);
    const after = await client.conversations.history({ channel: 'C0GENERAL', oldest: String(first.ts) });
    expect(after.messages?.map((m) => m.ts)).toEqual([second.ts]);
    // A ts is the double's time, like Slack's.
    expect(Math.abs(Number(first.ts) * 1000 - Date.now())).toBeLessThan(60_000);
  });

  it('counts its rate limits over a shorter window when told (scaled-down tests)', async () => {
    double.setLimits({ workspacePerSecond: 2, windowMs: 100 });
    for (const text of ['a', 'b']) await client.chat.postMessage({ channel: 'C0GENERAL', text });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'c' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await client.chat.postMessage({ channel: 'C0GENERAL', text: 'd' })).ok).toBe(true);
  });

  it('refuses blocks over Block Kit limits as Slack does: invalid_blocks, or invalid_arguments for a view', async () => {
    const field = (text: string) => ({ type: 'mrkdwn' as const, text });
    const section = (fields: { type: 'mrkdwn'; text: string }[]) => [{ type: 'section' as const, fields }];
    await expect(
      client.chat.postMessage({
        channel: 'C0GENERAL',
        text: 'x',
        blocks: section([field('y'.repeat(2001))]),
      }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    const eleven = Array.from({ length: 11 }, (_, i) => field(`champ ${i}`));
    await expect(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: section(eleven) }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    const atLimits = section([field('y'.repeat(2000)), ...eleven.slice(2)]);
    await expect(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: atLimits }),
    ).resolves.toMatchObject({ ok: true });

    const option = (value: string, text = value) => ({ text: { type: 'plain_text' as const, text }, value });
    const modal = (options: ReturnType<typeof option>[]) => ({
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Stand-up' },
      blocks: [
        {
          type: 'input' as const,
          block_id: 'meteo',
          label: { type: 'plain_text' as const, text: 'Météo' },
          element: { type: 'static_select' as const, action_id: 'value', options },
        },
      ],
    });
    const refused = { data: { error: 'invalid_arguments' } };
    const hundredOne = Array.from({ length: 101 }, (_, i) => option(String(i + 1)));
    await expect(client.views.open({ trigger_id: '1.1', view: modal(hundredOne) })).rejects.toMatchObject(
      refused,
    );
    await expect(
      client.views.open({ trigger_id: '1.2', view: modal([option('v'.repeat(151), 'a')]) }),
    ).rejects.toMatchObject(refused);
    await expect(
      client.views.open({ trigger_id: '1.3', view: modal([option('1', 't'.repeat(76))]) }),
    ).rejects.toMatchObject(refused);
    await expect(
      client.views.open({
        trigger_id: '1.4',
        view: modal([...hundredOne.slice(2), option('v'.repeat(150), 't'.repeat(75))]),
      }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('opens a modal once per trigger_id and updates it by id', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Défi' }, blocks: [] };
    const opened = await client.views.open({ trigger_id: '123.456', view });
    expect(opened.view?.id).toMatch(/^V/);
    await expect(client.views.open({ trigger_id: '123.456', view })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    await expect(client.views.update({ view_id: String(opened.view?.id), view })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('waitFor', () => {
  it('resolves once the condition holds', async () => {
    let ready = false;
    setTimeout(() => {
      ready = true;
    }, 50);
    await expect(waitFor(() => ready, 1000)).resolves.toBeUndefined();
  });

  it('rejects with the condition named after the timeout', async () => {
    await expect(waitFor(() => false, 60, 'the digest is posted')).rejects.toThrow(
      'waitFor: condition not met within 60 ms: the digest is posted',
    );
  });
});
