import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandHandlers } from '../../handlers/index.js';
import { createMattermostClient } from '../../src/chat/mattermost/mattermost-client.js';
import {
  type CommandSpec,
  commandSpecs,
  registerCommands,
} from '../../src/chat/mattermost/mattermost-commands.js';
import type { CommandTokens } from '../../src/core/ports.js';
import { type MattermostDouble, startMattermostDouble } from '../support/mattermost-double.js';

const SPECS: CommandSpec[] = [
  { trigger: 'cohorte', description: 'Cohorte', hint: '[aide | moi]' },
  { trigger: 'standup', description: 'Stand-up', hint: '[absent]' },
];
const URL_ = 'https://cohorte.example/mattermost/command';

describe('registering the slash commands at boot', () => {
  let double: MattermostDouble;
  let saved: Map<string, string>;
  let warnings: string[];
  let errors: string[];
  const tokens: CommandTokens = {
    tokenOf: async (_p, trigger) => saved.get(trigger),
    remember: async (_p, trigger, token) => {
      saved.set(trigger, token);
    },
  };
  const register = (specs: CommandSpec[] = SPECS) =>
    registerCommands(specs, {
      client: createMattermostClient({ url: double.url, token: double.token, requestsPerSecond: 1000 }),
      tokens,
      log: { info: () => {}, warn: (_o, msg) => warnings.push(msg), error: (_o, msg) => errors.push(msg) },
      teamId: double.teamId,
      botId: double.bot.id,
      url: URL_,
    });

  beforeEach(async () => {
    double = await startMattermostDouble();
    saved = new Map();
    warnings = [];
    errors = [];
  });
  afterEach(async () => {
    expect(double.offSpec).toEqual([]);
    await double.close();
  });

  it('creates them once, then updates them in place on every boot, keeping their tokens', async () => {
    expect(await register()).toEqual(['cohorte', 'standup']);
    const created = double.commands();
    expect(created.map((c) => [c.trigger, c.url, c.method, c.auto_complete])).toEqual([
      ['cohorte', URL_, 'P', true],
      ['standup', URL_, 'P', true],
    ]);
    expect(Object.fromEntries(saved)).toEqual(Object.fromEntries(created.map((c) => [c.trigger, c.token])));

    saved.clear();
    expect(await register()).toEqual(['cohorte', 'standup']);
    expect(double.callsTo('POST', '/commands')).toHaveLength(2);
    expect(double.callsTo('PUT', '/commands/{command_id}')).toHaveLength(2);
    expect(double.commands()).toEqual(created);
    expect(Object.fromEntries(saved)).toEqual(Object.fromEntries(created.map((c) => [c.trigger, c.token])));
  });

  it('leaves alone a command of the same name made by another integration, and says so', async () => {
    const foreign = double.seedCommand({
      trigger: 'standup',
      url: 'https://autre.example/hook',
      creator_id: 'someoneelse',
    });
    expect(await register()).toEqual(['cohorte']);
    expect(double.commands().find((c) => c.trigger === 'standup')).toEqual(foreign);
    expect(saved.has('standup')).toBe(false);
    expect(warnings).toEqual(['another integration owns this slash command; left alone']);
  });

  it('registers a command whose French help line is past 128 bytes: its description is cut to 128 bytes', async () => {
    // The server's Command.IsValid counts the description in bytes (Go's len()); this line is 143 characters, and its
    // first 128 characters are 133 bytes.
    const historique = commandHandlers.filter((h) => h.command === 'standup' && h.name === 'historique');
    const [spec] = commandSpecs(historique, 'fr');
    if (!spec) throw new Error('no spec');
    expect(await register([spec])).toEqual(['standup']);
    const [created] = double.commands();
    expect(Buffer.byteLength(String(created?.description))).toBeLessThanOrEqual(128);
    expect(String(created?.description)).toMatch(/^\/standup historique .*…$/);
    expect(created?.auto_complete_desc).toBe(created?.description);
  });

  it('says in one line which permission is missing when the bot may not manage the team’s commands', async () => {
    await double.close();
    // Neither System Admin nor Team Admin: api4/command.go refuses the listing with 403.
    double = await startMattermostDouble({ botTeamRoles: 'team_user' });
    await expect(register()).rejects.toThrow('403');
    expect(errors).toEqual([expect.stringContaining('lacks manage_own_slash_commands on the team')]);
    expect(double.commands()).toEqual([]);
  });
});
