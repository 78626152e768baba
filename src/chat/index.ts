import type { ChatConfig } from '../config.js';
import type { ChatAdapter } from '../core/chat-adapter.js';
import type { Clock } from '../core/clock.js';
import type { CommandHandler } from '../core/handler.js';
import type { Locale } from '../core/i18n/index.js';
import type { Platform } from '../core/ids.js';
import type { Pacer } from '../core/pacer.js';
import type { ChatState, CommandTokens, IdentityCache, Logger } from '../core/ports.js';
import type { PersonEntry } from '../core/roster/types.js';
import type { Route } from '../http.js';
import { createMatrixAdapter } from './matrix/matrix-adapter.js';
import { createMattermostAdapter } from './mattermost/mattermost-adapter.js';
import { createShellAdapter, type ShellOptions } from './shell/shell-adapter.js';
import { createSlackAdapter } from './slack/slack-adapter.js';

/** What any adapter may need besides its own configuration. */
export interface ChatDeps {
  locale: Locale;
  timezone: string;
  /** Platform accounts ↔ e-mails, kept in Redis so each lookup hits the platform once. */
  identities: IdentityCache;
  /** Where Mattermost's per-command tokens are kept. */
  commandTokens: CommandTokens;
  log: Logger;
  /** The bot's commands, which Mattermost registers as slash commands at boot and Matrix shows as `!command`. */
  commands: readonly CommandHandler[];
  /** Where an adapter keeps its own state (Matrix: its sync position, choices, conversations). */
  chatState: ChatState;
  /** A pacer of the bot account's calls shared by every process of the deployment (Matrix: Tchap's 1 call/s). */
  sharedPacer(platform: Platform, requestsPerSecond: number): Pacer;
  /** Everyone of the community file: Matrix ids written there, e-mails to look up. */
  people: readonly PersonEntry[];
  /** Every channel of the community file, as written (Matrix checks their form at boot). */
  channels: readonly string[];
  /** The clock conversations expire by. */
  clock: Clock;
  /** The terminal and first person of the local shell. */
  shell: Omit<ShellOptions, 'locale' | 'timezone'>;
}

/**
 * The adapter of the platform the configuration names: the one place that knows which platforms exist. Everything
 * else talks to the {@link ChatAdapter} it returns.
 */
export function createChatAdapter(chat: ChatConfig, deps: ChatDeps): ChatAdapter<Route> {
  const { locale, log } = deps;
  switch (chat.kind) {
    case 'slack':
      return createSlackAdapter({ ...chat, locale }, { cache: deps.identities, log });
    case 'mattermost':
      return createMattermostAdapter(
        { ...chat, locale },
        { cache: deps.identities, tokens: deps.commandTokens, log, commands: deps.commands },
      );
    case 'matrix':
      return createMatrixAdapter(
        { ...chat, locale },
        {
          cache: deps.identities,
          state: deps.chatState,
          pacer: deps.sharedPacer('matrix', chat.requestsPerSecond),
          people: deps.people,
          channels: deps.channels,
          commands: deps.commands,
          clock: deps.clock,
          log,
        },
      );
    case 'shell':
      return createShellAdapter({ ...deps.shell, locale, timezone: deps.timezone });
  }
}
