import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionHandlers, commandHandlers } from '../../handlers/index.js';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8')) as {
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string } };
};

/** The scope each Web API method the Slack adapter calls needs (Slack's method docs). */
const SCOPES_NEEDED = {
  'chat.postMessage': 'chat:write',
  'conversations.open': 'im:write',
  'users.info': 'users:read',
  'users.lookupByEmail': 'users:read.email',
  'files.uploadV2': 'files:write',
  // To read the history of a public channel it posts in without being a member (Slack answers not_in_channel).
  'conversations.join': 'channels:join',
  'slash commands': 'commands',
};
/**
 * conversations.history, only to find a post left ambiguous by a crash: in public and private channels, DMs and the
 * group DMs where the bulloterie introduces two people.
 */
const HISTORY_SCOPES = ['channels:history', 'groups:history', 'im:history', 'mpim:history'];

describe('slack-app-manifest.yml', () => {
  it('declares every slash command Cohorte handles, on the events URL, with mentions escaped', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command).sort();
    const handled = [...new Set(commandHandlers.map((h) => `/${h.command}`))].sort();
    expect(declared).toEqual(handled);
    for (const command of manifest.features.slash_commands) {
      expect(command.url).toMatch(/\/slack\/events$/);
      // Escaped mentions (<@U…|name>) are what the adapter resolves to e-mails.
      expect(command.should_escape).toBe(true);
    }
  });

  it('names the bot user with the characters Slack accepts', () => {
    // Slack's manifest reference (docs.slack.dev/reference/app-manifest, features.bot_user.display_name): a-z, 0-9,
    // -, _ and . only, 80 at most (slackapi/manifest-schema schemas/manifest.schema.1.0.0.json @ c50cfa85, maxLength).
    // Any other character makes Slack refuse the whole manifest at "Create New App".
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it('sends button clicks to the same URL', () => {
    expect(actionHandlers.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
  });

  it('asks for every scope the adapter needs, and no broader read of messages', () => {
    for (const scope of [...Object.values(SCOPES_NEEDED), ...HISTORY_SCOPES])
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
    // Nothing beyond the conversations the outbox posts in.
    expect(manifest.oauth_config.scopes.bot.filter((s) => s.endsWith(':history'))).toEqual(HISTORY_SCOPES);
  });
});
