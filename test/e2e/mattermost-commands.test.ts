import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandHandlers } from '../../handlers/index.js';
import { REDIS_URL } from '../support/cohorte.js';
import { clickAndRead } from '../support/mattermost-click.js';
import {
  buttonsOfMm,
  command,
  type MattermostAnswer,
  type MattermostE2e,
  MM_PEOPLE,
  shownMm,
  startMattermostE2e,
} from '../support/mattermost-e2e.js';

const { claire, ines } = MM_PEOPLE;

/** What the person sees in the answer, after checking it is a well-formed ephemeral JSON response. */
function seen(answer: MattermostAnswer): string {
  expect(answer.status).toBe(200);
  expect(answer.type).toBe('application/json');
  expect(answer.json?.response_type).toBe('ephemeral');
  return shownMm(answer.json);
}

// The platform-neutral tests (help, roles, personal data, buttons) run on Mattermost in commands.test.ts and
// actions.test.ts; these are Mattermost's own: registration, tokens, JSON answers, defused mentions, signed contexts.
describe('Cohorte on Mattermost: slash commands and buttons over real HTTP', () => {
  let e2e: MattermostE2e;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(() => {
    redis.disconnect();
  });
  beforeEach(async () => {
    e2e = await startMattermostE2e('mm-commands');
  });
  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e?.stop();
  });

  it('registers every slash command at boot, pointing at PUBLIC_URL, and keeps their tokens in Redis', async () => {
    const commands = e2e.double.commands();
    const triggers = [...new Set(commandHandlers.map((h) => h.command))].sort();
    expect(triggers).toEqual(expect.arrayContaining(['cohorte', 'standup', 'rituel', 'session', 'bulle']));
    expect(commands.map((c) => c.trigger).sort()).toEqual(triggers);
    for (const c of commands) {
      expect(c.url).toBe(`${e2e.bot.baseUrl}/mattermost/command`);
      expect(c.method).toBe('P');
      expect(c.team_id).toBe(e2e.double.teamId);
      expect(await redis.hget(`${e2e.bot.prefix}:commands:mattermost:tokens`, c.trigger)).toBe(c.token);
      // Autocomplete lists every subcommand of the registry, none cut.
      const names = commandHandlers.filter((h) => h.command === c.trigger && h.name).map((h) => h.name);
      expect(String(c.auto_complete_hint)).toBe(`[${names.join(' | ')}]`);
    }
  });

  it('shows a coordinator the help within 2 seconds, as JSON Mattermost reads', async () => {
    const answer = await command(e2e, claire, 'aide');
    expect(answer.ms).toBeLessThan(2000);
    const text = seen(answer);
    expect(text).toContain('**Cohorte** : ce que vous pouvez faire');
    expect(text).toContain('`/cohorte role');
    expect(answer.json?.skip_slack_parsing).toBe(true);
  });

  it('refuses a wrong token, in the body or in the header, with a 401 and runs nothing', async () => {
    const wrongBody = await command(e2e, ines, 'aide', { token: 'x'.repeat(26) });
    expect(wrongBody.status).toBe(401);
    const real = e2e.double.commands().find((c) => c.trigger === 'cohorte')?.token ?? '';
    const form = new URLSearchParams({ command: '/cohorte', text: 'aide', user_id: ines.id, token: real });
    const res = await fetch(`${e2e.bot.baseUrl}/mattermost/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Token wrongtoken' },
      body: form.toString(),
    });
    expect(res.status).toBe(401);
    // Another command's token does not open this one.
    const standupToken = e2e.double.commands().find((c) => c.trigger === 'standup')?.token ?? '';
    expect((await command(e2e, ines, 'aide', { token: standupToken })).status).toBe(401);
    expect(e2e.double.callsTo('GET', '/users/{user_id}').filter((c) => c.path.endsWith(ines.id))).toEqual([]);
  });

  it('never sends back a mention or markup typed by someone', async () => {
    const answer = await command(e2e, ines, '@channel @all @here <script> **gras**');
    const text = seen(answer);
    expect(text).toContain('Je ne connais pas');
    for (const ping of ['@channel', '@all', '@here'])
      expect(answer.raw).not.toMatch(new RegExp(`${ping}\\b`));
    // Shown as typed, inside a code span, where nothing is markup.
    expect(text).toContain('`/cohorte @\u200Bchannel @\u200Ball @\u200Bhere <script> **gras**`');
  });

  it('refuses a click whose context was forged, altered or made for someone else', async () => {
    await command(e2e, claire, 'role @ines mentor lexiq');
    const [yes] = buttonsOfMm((await command(e2e, ines, 'oublier')).json);
    if (!yes) throw new Error('no button');
    const context = yes.integration.context;
    const attempts = [
      { ...context, v: 'yes ' },
      { ...context, a: 'standup.open' },
      { a: context.a, v: context.v, s: context.s },
      { ...context, s: 'A'.repeat(43) },
      {},
    ];
    // The server shows a generic error for any answer but 200, its body unread: the refusal is an ephemeral_text.
    const refusal = 'Ce bouton n’est pas valable (trop ancien, ou pas pour vous).';
    for (const forged of attempts) {
      const answer = await clickAndRead(e2e, ines, yes, { context: forged });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(refusal);
    }
    // Claire replays Inès's genuine button: refused too.
    expect((await clickAndRead(e2e, claire, yes)).text).toContain(refusal);
    expect(seen(await command(e2e, ines, 'moi'))).toContain('Rôles : EIG, mentor');
  });
});
