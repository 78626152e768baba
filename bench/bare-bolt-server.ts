/**
 * The baseline of `slash-commands.bench.ts`, run as a child process: a bare Bolt `App` on its own `HTTPReceiver`
 * (same signing secret as Cohorte), whose only listener acknowledges every slash command with an empty body.
 * Listens on 127.0.0.1 on an ephemeral port and speaks the protocol of `support/child-protocol.ts`.
 */
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { serveChildProtocol } from './support/child-protocol.js';
import { BENCH_SIGNING_SECRET } from './support/slack-bench.js';

let commands = 0;
const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, logLevel: LogLevel.WARN });
const app = new App({
  receiver,
  token: 'xoxb-bench-bare',
  // Known ids and no token verification: Bolt then never calls auth.test, so nothing leaves the machine.
  botId: 'B0BARE',
  botUserId: 'U0BARE',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 } },
});
app.command(/.*/, async ({ ack }) => {
  commands += 1;
  await ack();
});

const server = await app.start({ port: 0, host: '127.0.0.1' });
serveChildProtocol({
  port: (server.address() as AddressInfo).port,
  counters: () => ({ commands }),
  stop: async () => {
    await app.stop();
  },
});
