import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  normalizeSlackText,
  translateAction,
  translateCommand,
} from '../../src/chat/slack/slack-translate.js';

/** A recorded Slack payload: its parsed form fields (or JSON) and, for slash commands, the exact wire body. */
interface Fixture {
  _wire: { content_type: string; raw_body?: string; body_form?: string };
  payload: Record<string, unknown>;
}
const load = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8')) as Fixture;
const formOf = (raw: string): Record<string, string> => Object.fromEntries(new URLSearchParams(raw));
const firstAction = (payload: Record<string, unknown>): unknown => (payload.actions as unknown[])[0];

describe('slack contract: slash commands', () => {
  const cases = [
    {
      file: 'slash_command.bolt-python.json',
      expected: {
        user: { platform: 'slack', id: 'W111' },
        command: 'hello-world',
        text: 'Hi',
        channel: 'C111',
      },
    },
    {
      file: 'slash_command.docs_example.java-slack-sdk.json',
      expected: {
        user: { platform: 'slack', id: 'U2147483697' },
        command: 'weather',
        text: '94070',
        channel: 'C2147483705',
      },
    },
    {
      file: 'slash_command.org_level_app.java-slack-sdk.json',
      expected: {
        user: { platform: 'slack', id: 'W111' },
        command: 'org-level-command',
        text: 'test',
        channel: 'C111',
      },
    },
  ] as const;

  it.each(cases)('$file: the parsed form becomes the core’s invocation', ({ file, expected }) => {
    expect(translateCommand(load(file).payload)).toEqual(expected);
  });

  it.each(cases)('$file: the raw urlencoded body becomes the same invocation', ({ file, expected }) => {
    const raw = load(file)._wire.raw_body ?? '';
    expect(raw).not.toBe('');
    expect(translateCommand(formOf(raw))).toEqual(expected);
  });

  it('accepts an org-level install whose payload has no team', () => {
    const {
      team_id: _id,
      team_domain: _domain,
      ...rest
    } = load('slash_command.org_level_app.java-slack-sdk.json').payload;
    expect(translateCommand(rest).user).toEqual({ platform: 'slack', id: 'W111' });
    expect(translateCommand({ ...rest, team_id: null }).command).toBe('org-level-command');
  });

  it('lower-cases the command and normalises the text Slack escaped', () => {
    const { payload } = load('slash_command.bolt-python.json');
    const raw = new URLSearchParams({
      ...formOf(load('slash_command.bolt-python.json')._wire.raw_body ?? ''),
      command: '/Cohorte',
      text: 'role <@W222|marie> mentor &lt;lexiq&gt; &amp; co',
    }).toString();
    expect(translateCommand(formOf(raw))).toMatchObject({
      command: 'cohorte',
      text: 'role <@W222> mentor <lexiq> & co',
    });
    expect(translateCommand({ ...payload, text: undefined }).text).toBe('');
  });

  it('throws on a payload without user_id', () => {
    const { user_id: _user, ...rest } = load('slash_command.bolt-python.json').payload;
    expect(() => translateCommand(rest)).toThrow(/user_id/);
    expect(() => translateCommand({ ...rest, user_id: '' })).toThrow();
  });

  it('throws on a command without its slash', () => {
    const { payload } = load('slash_command.bolt-python.json');
    expect(() => translateCommand({ ...payload, command: 'hello-world' })).toThrow();
  });
});

describe('slack contract: block actions', () => {
  const cases = [
    {
      file: 'block_actions.bolt-python.json',
      expected: {
        user: { platform: 'slack', id: 'W111' },
        actionId: 'a',
        value: 'click_me_123',
        channel: 'C111',
      },
    },
    {
      file: 'block_actions.docs_example.java-slack-sdk.json',
      expected: {
        user: { platform: 'slack', id: 'UA8RXUSPL' },
        actionId: 'WaXA',
        value: 'click_me_123',
        channel: 'CBR2V3XEX',
      },
    },
  ] as const;

  it.each(cases)('$file: the body and its action become the core’s invocation', ({ file, expected }) => {
    const { payload } = load(file);
    expect(translateAction(payload, firstAction(payload))).toEqual(expected);
  });

  it.each(cases)('$file: the same through the form-encoded payload field', ({ file, expected }) => {
    const wire = new URLSearchParams({ payload: JSON.stringify(load(file).payload) }).toString();
    const body = JSON.parse(new URLSearchParams(wire).get('payload') ?? '') as Record<string, unknown>;
    expect(translateAction(body, firstAction(body))).toEqual(expected);
  });

  it('accepts an org-level install with a null or absent team', () => {
    const { team: _team, ...rest } = load('block_actions.bolt-python.json').payload;
    expect(translateAction(rest, firstAction(rest)).user.id).toBe('W111');
    expect(translateAction({ ...rest, team: null }, firstAction(rest)).user.id).toBe('W111');
  });

  it('takes the channel from the container when the body has none', () => {
    const { channel: _channel, ...rest } = load('block_actions.bolt-python.json').payload;
    expect(translateAction(rest, firstAction(rest)).channel).toBe('C111');
  });

  it('strips the suffix the renderer adds to action ids', () => {
    const { payload } = load('block_actions.bolt-python.json');
    const action = { action_id: 'cohorteforget.1', value: 'no', type: 'button' };
    expect(translateAction(payload, action)).toMatchObject({ actionId: 'cohorteforget', value: 'no' });
  });

  it('throws on a body without a user', () => {
    const { user: _user, ...rest } = load('block_actions.bolt-python.json').payload;
    expect(() => translateAction(rest, firstAction(rest))).toThrow();
  });
});

describe('normalizeSlackText', () => {
  it.each([
    ['<@U0123|marie>', '<@U0123>'],
    ['<@U0123>', '<@U0123>'],
    ['<@W111|primary-owner> et <@U0456|jean>', '<@W111> et <@U0456>'],
    ['<mailto:a@b.fr|a@b.fr>', 'a@b.fr'],
    ['&lt;b&gt; &amp; c', '<b> & c'],
    // Someone who typed "&lt;" literally: Slack sends "&amp;lt;", which must come back as typed.
    ['&amp;lt;', '&lt;'],
    ['fini la recette', 'fini la recette'],
  ])('%s → %s', (input, output) => {
    expect(normalizeSlackText(input)).toBe(output);
  });
});
