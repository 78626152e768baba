import { z } from 'zod';
import type { CommandHandler } from '../../core/handler.js';
import { type Locale, translate } from '../../core/i18n/index.js';
import { toPlainText } from '../../core/message.js';
import type { CommandTokens, Logger } from '../../core/ports.js';
import { truncateBytes } from '../../core/split-rich.js';
import { MattermostApiError, type MattermostClient } from './mattermost-client.js';

/** One slash command Cohorte offers: its trigger (no slash) and what autocomplete says about it. */
export interface CommandSpec {
  trigger: string;
  description: string;
  hint: string;
}

const DESCRIPTION_MAX_BYTES = 128;

/** One spec per slash command of the handler registry; autocomplete shows the command's own help line. */
export function commandSpecs(handlers: readonly CommandHandler[], locale: Locale): CommandSpec[] {
  const triggers = [...new Set(handlers.map((h) => h.command))];
  return triggers.map((trigger) => {
    const own = handlers.filter((h) => h.command === trigger);
    const bare = own.find((h) => h.name === '') ?? own[0];
    const description = bare ? toPlainText(translate(locale, bare.help)) : trigger;
    const hint = own
      .map((h) => h.name)
      .filter(Boolean)
      .join(' | ');
    // Command.IsValid (server/public/model/command.go) refuses a description over 128 bytes (Go's len()), and
    // with it the whole registration; the hint gets the same bound.
    return {
      trigger,
      description: truncateBytes(description, DESCRIPTION_MAX_BYTES),
      hint: truncateBytes(`[${hint}]`, DESCRIPTION_MAX_BYTES),
    };
  });
}

const CommandSchema = z.looseObject({
  id: z.string(),
  trigger: z.string(),
  token: z.string().default(''),
  creator_id: z.string().default(''),
  url: z.string().default(''),
  delete_at: z.number().default(0),
});
type Command = z.infer<typeof CommandSchema>;

/** What registration needs. */
export interface RegisterOptions {
  client: MattermostClient;
  tokens: CommandTokens;
  log: Logger;
  teamId: string;
  botId: string;
  /** `PUBLIC_URL/mattermost/command`. */
  url: string;
}

/**
 * Creates or updates every Cohorte slash command of the team (`/api/v4/commands`), pointing at `url`, and keeps
 * each command's token (Redis) to verify Mattermost's requests. A command with the same trigger made by someone
 * else for another URL is left alone and reported: Cohorte does not take over another integration.
 */
export async function registerCommands(
  specs: readonly CommandSpec[],
  options: RegisterOptions,
): Promise<string[]> {
  try {
    return await register(specs, options);
  } catch (error) {
    // api4/command.go: listing, creating and updating a team's commands need manage_own_slash_commands there.
    if (error instanceof MattermostApiError && error.status === 403) {
      options.log.error(
        { missing: ['manage_own_slash_commands'] },
        'mattermost bot lacks manage_own_slash_commands on the team (Team Admin or System Admin role): give it, ' +
          'or create the commands by hand and set MATTERMOST_COMMAND_TOKENS',
      );
    }
    throw error;
  }
}

async function register(specs: readonly CommandSpec[], options: RegisterOptions): Promise<string[]> {
  const { client, teamId } = options;
  const existing = await client.get(
    `/commands?team_id=${encodeURIComponent(teamId)}&custom_only=true`,
    z.array(CommandSchema),
  );
  const registered: string[] = [];
  for (const spec of specs) {
    const body = {
      team_id: teamId,
      trigger: spec.trigger,
      method: 'P',
      url: options.url,
      display_name: 'Cohorte',
      description: spec.description,
      auto_complete: true,
      auto_complete_desc: spec.description,
      auto_complete_hint: spec.hint,
      username: 'cohorte',
    };
    const found = existing.find((c) => c.trigger === spec.trigger && c.delete_at === 0);
    let command: Command;
    if (!found) {
      command = await client.post('/commands', body, CommandSchema);
    } else if (found.creator_id === options.botId || found.url === options.url) {
      command = await client.put(`/commands/${found.id}`, { ...found, ...body }, CommandSchema);
      command = { ...command, token: command.token || found.token };
    } else {
      options.log.warn({ trigger: spec.trigger }, 'another integration owns this slash command; left alone');
      continue;
    }
    await options.tokens.remember('mattermost', spec.trigger, command.token);
    registered.push(spec.trigger);
  }
  return registered;
}
