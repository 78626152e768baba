import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Locale } from '../../core/i18n/index.js';
import type { IdentityCache, Logger } from '../../core/ports.js';
import type { Router } from '../../core/router.js';
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

/**
 * The Slack adapter: Bolt's receiver (HTTP at `/slack/events`, or Socket Mode), requests verified by Bolt,
 * translated into core invocations, answered within 3 s; plus the directory and the outbox's sender.
 */
export function createSlackAdapter(options: SlackOptions, deps: { cache: IdentityCache; log: Logger }) {
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
  const sender = createSlackSender(app.client, directory, deps.cache);

  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack listener failed');
  });

  /** Routes every command, button and form to the core. Called once, when the router exists. */
  const attach = (router: Router) =>
    registerSlackListeners(app, router, { locale: options.locale, log: deps.log });

  return {
    directory,
    sender,
    attach,
    /** Mount at `/slack/events` on the HTTP server (absent in Socket Mode). */
    requestListener: http && refuseFutureTimestamps(http.requestListener),
    /** Checks the token with `auth.test` (fails the boot when Slack refuses it); opens the socket if it listens. */
    async start({ listen }: { listen: boolean }) {
      const identity = await app.client.auth.test();
      deps.log.info({ bot: identity.user_id, team: identity.team, socketMode }, 'slack bot identity');
      if (socketMode && listen) await app.start();
      return identity;
    },
    async stop() {
      if (socketMode) await app.stop().catch(() => undefined);
    },
  };
}

/** The Slack adapter's type. */
export type SlackAdapter = ReturnType<typeof createSlackAdapter>;
