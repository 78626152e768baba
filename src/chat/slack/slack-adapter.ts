import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { ChatAdapter, ChatCapabilities } from '../../core/chat-adapter.js';
import type { Locale } from '../../core/i18n/index.js';
import type { IdentityCache, Logger } from '../../core/ports.js';
import { createSlackDirectory } from './slack-directory.js';
import { registerSlackListeners } from './slack-listeners.js';
import { boltLogger } from './slack-logger.js';
import { createSlackSender } from './slack-sender.js';

/** What the Slack adapter needs from the configuration. */
export interface SlackOptions {
  botToken: string;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  apiUrl: string;
  locale: Locale;
}

/** Slack's replay window: Bolt refuses requests older than this, and we refuse those as far in the future. */
const REPLAY_WINDOW_S = 300;

/** Bolt rejects stale timestamps but not future ones: a request signed for later could be replayed until then. */
function refuseFutureTimestamps(listener: RequestListener): RequestListener {
  return (req, res) => {
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + REPLAY_WINDOW_S) {
      res.writeHead(401).end();
      return;
    }
    listener(req, res);
  };
}

/** Slack shows everything the core can ask for. */
const SLACK_CAPABILITIES: ChatCapabilities = {
  buttons: true,
  forms: true,
  ephemeral: true,
  messageUpdates: true,
  threads: true,
  drivesTime: false,
};

/**
 * The Slack adapter: Bolt's receiver (HTTP at `/slack/events`, or Socket Mode), requests verified by Bolt,
 * translated into core invocations, answered within 3 s; plus the directory and the outbox's sender.
 */
export function createSlackAdapter(
  options: SlackOptions,
  deps: { cache: IdentityCache; log: Logger },
): ChatAdapter<RequestListener> {
  const logger = boltLogger(deps.log);
  const http = options.appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: options.signingSecret ?? '', logger });
  // Socket Mode asks `apps.connections.open` for its WebSocket URL: that call goes to SLACK_API_URL as well.
  const socket = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        logger,
        installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } },
      })
    : undefined;
  const socketMode = Boolean(socket);
  const app = new App({
    token: options.botToken,
    receiver: socket ?? http,
    logger,
    // Bolt's conversation store is never read here, and its miss builds an Error (with a stack) per request.
    convoStore: false,
    // Cohorte takes commands, clicks and forms, and subscribes to no Events API event, the only requests this filter
    // (events of the bot's own doing: its messages, events whose user is the bot) looks at; it would cost every
    // command a middleware step for nothing.
    ignoreSelf: false,
    // The queue retries, per channel and after Retry-After; the client's own retries would pause every call.
    clientOptions: {
      slackApiUrl: options.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // A hung call would hold an outbox slot (and its lock) forever; the queue retries after a timeout.
      timeout: 10_000,
    },
  });
  const directory = createSlackDirectory(app.client, deps.cache);
  const sender = createSlackSender(app.client, directory, deps.cache, deps.log);

  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack listener failed');
  });

  return {
    capabilities: SLACK_CAPABILITIES,
    directory,
    sender,
    // In Socket Mode, Slack sends everything over the socket: no HTTP endpoint.
    routes: http ? { '/slack/events': refuseFutureTimestamps(http.requestListener) } : {},
    /** Checks the token with `auth.test` (fails the boot when Slack refuses it); opens the socket if it receives. */
    async start(receive) {
      const identity = await app.client.auth.test();
      deps.log.info({ bot: identity.user_id, team: identity.team, socketMode }, 'slack bot identity');
      if (!receive) return;
      registerSlackListeners(app, receive.router, { locale: options.locale, log: deps.log });
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop().catch(() => undefined);
    },
    ended: () => undefined,
  };
}
