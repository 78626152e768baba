import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ChatAdapter, ChatCapabilities } from '../../core/chat-adapter.js';
import type { CommandHandler } from '../../core/handler.js';
import type { Locale } from '../../core/i18n/index.js';
import type { CommandTokens, IdentityCache, Logger } from '../../core/ports.js';
import { createMattermostClient, patientClient, waitingOut429 } from './mattermost-client.js';
import { commandSpecs, registerCommands } from './mattermost-commands.js';
import { createMattermostDirectory } from './mattermost-directory.js';
import { replyJson } from './mattermost-http.js';
import { createMattermostRoutes } from './mattermost-inbound.js';
import { MeSchema, mayPostEphemeral } from './mattermost-permissions.js';
import { createMattermostSender } from './mattermost-sender.js';
import { createSigner } from './mattermost-sign.js';

/** What the Mattermost adapter needs from the configuration. */
export interface MattermostOptions {
  url: string;
  botToken: string;
  team: string;
  publicUrl: string;
  commandTokens?: Record<string, string> | undefined;
  requestsPerSecond: number;
  locale: Locale;
}

const IdSchema = z.looseObject({ id: z.string().min(1) });

/** Hand-made command tokens (MATTERMOST_COMMAND_TOKENS): read from the configuration, never written. */
const fixedTokens = (tokens: Record<string, string>): CommandTokens => ({
  tokenOf: async (platform, trigger) => (platform === 'mattermost' ? tokens[trigger] : undefined),
  remember: async () => {},
});

/**
 * Tokens kept in memory in front of the store: a command is verified without a Redis round trip, and still after
 * Redis lost its data (a restart without persistence) or while it is down.
 */
function remembered(store: CommandTokens): CommandTokens {
  const known = new Map<string, string>();
  return {
    async tokenOf(platform, trigger) {
      const hit = known.get(`${platform}:${trigger}`);
      if (hit) return hit;
      const token = await store.tokenOf(platform, trigger);
      if (token) known.set(`${platform}:${trigger}`, token);
      return token;
    },
    async remember(platform, trigger, token) {
      known.set(`${platform}:${trigger}`, token);
      await store.remember(platform, trigger, token);
    },
  };
}

/** Memoises a lookup that succeeds once, retrying it after a failure. */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= work().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Mattermost has buttons, dialogs (its forms), ephemeral posts, post edits and threads. */
const MATTERMOST_CAPABILITIES: ChatCapabilities = {
  buttons: true,
  forms: true,
  ephemeral: true,
  messageUpdates: true,
  threads: true,
  drivesTime: false,
};

/**
 * The Mattermost adapter, an external bot over the REST API v4 (no plugin): slash commands, buttons and dialogs
 * posted by the server to `PUBLIC_URL/mattermost/{command,action,dialog}`, verified (command tokens, signed
 * contexts and dialog state), translated into core invocations and answered within 2 s; plus the directory and
 * the outbox's sender.
 */
export function createMattermostAdapter(
  options: MattermostOptions,
  deps: { cache: IdentityCache; tokens: CommandTokens; log: Logger; commands: readonly CommandHandler[] },
): ChatAdapter<Route> {
  const client = createMattermostClient({
    url: options.url,
    token: options.botToken,
    requestsPerSecond: options.requestsPerSecond,
  });
  const signer = createSigner(options.botToken);
  const tokens = options.commandTokens ? fixedTokens(options.commandTokens) : remembered(deps.tokens);
  const base = `${options.publicUrl}/mattermost`;
  const me = once(() => client.get('/users/me', MeSchema));
  const botId = async () => (await me()).id;
  // Unknown until the boot reads the bot's roles: meanwhile an ephemeral post is tried, the DM its fallback.
  let ephemeralAllowed = true;
  const teamId = once(
    async () => (await client.get(`/teams/name/${encodeURIComponent(options.team)}`, IdSchema)).id,
  );
  const directory = createMattermostDirectory(client, deps.cache);
  const sender = createMattermostSender({
    client,
    directory,
    cache: deps.cache,
    botId,
    teamId,
    buttons: { actionUrl: `${base}/action`, signer },
  });
  let routes: ReturnType<typeof createMattermostRoutes> | undefined;

  /** Until `start` is given what to route to, requests get a 503: Mattermost shows an error and the person can retry. */
  const route =
    (name: 'command' | 'action' | 'dialog'): Route =>
    async (req, res) => {
      if (!routes) return replyJson(res, 503, {});
      try {
        await routes[name](req, res);
      } catch (error) {
        if (!(error instanceof z.ZodError)) throw error;
        if (!res.headersSent) replyJson(res, 400, { text: 'malformed request' });
      }
    };

  return {
    capabilities: MATTERMOST_CAPABILITIES,
    directory,
    sender,
    routes: {
      '/mattermost/command': route('command'),
      '/mattermost/action': route('action'),
      '/mattermost/dialog': route('dialog'),
    },
    /**
     * Checks the token (`/users/me`) and the team; given `receive`, routes every command, button and dialog to it,
     * reads the bot's permissions (one warning line when one is missing) and registers the slash commands (unless
     * they were made by hand).
     */
    async start(receive) {
      // At boot a 429 is waited out: nothing else would retry these calls, and the bot would not start.
      const [bot, team] = await waitingOut429(async () => [await botId(), await teamId()]);
      deps.log.info({ bot, team: options.team }, 'mattermost bot identity');
      if (!receive) return;
      routes = createMattermostRoutes({
        router: receive.router,
        client,
        sender,
        tokens,
        signer,
        locale: options.locale,
        log: deps.log,
        dialogUrl: `${base}/dialog`,
        actionUrl: `${base}/action`,
        mayPostEphemeral: () => ephemeralAllowed,
      });
      const roles = (await me()).roles;
      ephemeralAllowed = (await mayPostEphemeral(patientClient(client), roles, deps.log)) ?? true;
      if (options.commandTokens) return;
      const specs = commandSpecs(deps.commands, options.locale);
      const registered = await registerCommands(specs, {
        client: patientClient(client),
        tokens,
        log: deps.log,
        teamId: team,
        botId: bot,
        url: `${base}/command`,
      });
      deps.log.info({ commands: registered }, 'mattermost slash commands registered');
    },
    async stop() {},
    ended: () => undefined,
  };
}
