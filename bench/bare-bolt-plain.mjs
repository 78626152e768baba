// The memory baseline of `production-rss.bench.ts`: a bare Bolt app in plain JavaScript (no TypeScript loader),
// acknowledging every slash command, on 127.0.0.1 at $PORT. Prints `ready` once listening; stops on SIGTERM.
import bolt from '@slack/bolt';

const { App, HTTPReceiver, LogLevel } = bolt;
const receiver = new HTTPReceiver({
  signingSecret: process.env.SIGNING_SECRET ?? '',
  logLevel: LogLevel.WARN,
});
const app = new App({
  receiver,
  token: 'xoxb-bench-bare',
  botId: 'B0BARE',
  botUserId: 'U0BARE',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.WARN,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
