import { setTimeout as sleep } from 'node:timers/promises';
import { App, HTTPReceiver, type RespondFn as Respond, type RespondArguments } from '@slack/bolt';
import type { Reply } from '../../core/handler.js';
import { type Locale, translate } from '../../core/i18n/index.js';
import { textMessage } from '../../core/message.js';
import type { IdentityCache, Logger } from '../../core/ports.js';
import type { Router } from '../../core/router.js';
import { createSlackDirectory } from './slack-directory.js';
import { boltLogger } from './slack-logger.js';
import { renderSlack, type SlackPayload } from './slack-render.js';
import { createSlackSender } from './slack-sender.js';
import { translateAction, translateCommand } from './slack-translate.js';

/** What the Slack adapter needs from the configuration. */
export interface SlackOptions {
  botToken: string;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  apiUrl: string;
  locale: Locale;
}

/** Slack wants an answer within 3 s; past this budget we acknowledge and send the real answer afterwards. */
const ACK_BUDGET_MS = 2500;

const asResponse = (reply: Reply, payload: SlackPayload): RespondArguments => ({
  response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
  ...payload,
});

/**
 * The Slack adapter: Bolt's receiver (HTTP at `/slack/events`, or Socket Mode), requests verified by Bolt,
 * translated into core invocations, answered within 3 s; plus the directory and the outbox's sender.
 */
export function createSlackAdapter(options: SlackOptions, deps: { cache: IdentityCache; log: Logger }) {
  const socketMode = Boolean(options.appToken);
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: options.signingSecret ?? '', logger: boltLogger(deps.log) });
  const app = new App({
    token: options.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
    logger: boltLogger(deps.log),
    // The queue retries, per channel and after Retry-After; the client's own retries would pause every call.
    clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
  });
  const directory = createSlackDirectory(app.client, deps.cache);
  const sender = createSlackSender(app.client, directory, deps.cache);

  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack listener failed');
  });

  /** Routes every command and button to the core. Called once, when the router exists. */
  function attach(router: Router) {
    /** Sends a reply: the first message as the acknowledgement (if still due), the rest through `response_url`. */
    async function answer(
      reply: Reply,
      ack: ((r: RespondArguments) => Promise<void>) | undefined,
      respond: Respond,
    ) {
      const [head, ...rest] = renderSlack(reply.message);
      if (ack && head) await ack(asResponse(reply, head));
      for (const payload of ack ? rest : renderSlack(reply.message))
        await respond(asResponse(reply, payload));
    }

    app.command(/.*/, async ({ command, ack, respond }) => {
      const work = router.command(translateCommand(command));
      const early = await Promise.race([work, sleep(ACK_BUDGET_MS, undefined, { ref: false })]);
      if (early) return answer(early, ack, respond);
      const slow = translate(options.locale, 'error.slow');
      await answer({ visibility: 'ephemeral', message: textMessage(slow) }, ack, respond);
      await answer(await work, undefined, respond);
    });

    app.action(/.*/, async ({ body, action, ack, respond }) => {
      await ack();
      const reply = await router.action(translateAction(body, action));
      for (const payload of renderSlack(reply.message)) {
        await respond({ ...asResponse(reply, payload), replace_original: Boolean(reply.replace) });
      }
    });
  }

  return {
    directory,
    sender,
    attach,
    /** Mount at `/slack/events` on the HTTP server (absent in Socket Mode). */
    requestListener: receiver?.requestListener,
    /** Checks the token with `auth.test` (fails the boot when Slack refuses it) and opens the socket if any. */
    async start() {
      const identity = await app.client.auth.test();
      deps.log.info({ bot: identity.user_id, team: identity.team, socketMode }, 'slack bot identity');
      if (socketMode) await app.start();
      return identity;
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}

/** The Slack adapter's type. */
export type SlackAdapter = ReturnType<typeof createSlackAdapter>;
