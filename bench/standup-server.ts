/**
 * Cohorte under the stand-up burst benchmark, run as a child process: like `cohorte-server.ts` (the real
 * composition, role `all`, Slack over HTTP, its Web API pointed at a Slack double started in this process, Redis
 * keys under `BENCH_REDIS_PREFIX`, removed when it stops), but on the community file `BENCH_COMMUNITY_FILE` and
 * with the Slack users of `BENCH_SLACK_USERS_FILE` (a JSON list of `{ id, email, name }`) known to the double, so
 * `users.info` resolves each of them. Speaks the protocol of `support/child-protocol.ts`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createCohorte } from '../src/app.js';
import { loadCommunityFile } from '../src/community.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { dropPrefix } from '../test/support/cohorte.js';
import { startSlackDouble } from '../test/support/slack-double.js';
import { serveChildProtocol } from './support/child-protocol.js';
import { BENCH_SIGNING_SECRET, freePort } from './support/slack-bench.js';

const prefix = process.env.BENCH_REDIS_PREFIX;
const redisUrl = process.env.BENCH_REDIS_URL;
const communityFile = process.env.BENCH_COMMUNITY_FILE;
const usersFile = process.env.BENCH_SLACK_USERS_FILE;
if (!prefix || !redisUrl || !communityFile || !usersFile) {
  throw new Error(
    'BENCH_REDIS_PREFIX, BENCH_REDIS_URL, BENCH_COMMUNITY_FILE and BENCH_SLACK_USERS_FILE are required',
  );
}
const users = z
  .array(z.object({ id: z.string(), email: z.string(), name: z.string() }))
  .parse(JSON.parse(readFileSync(usersFile, 'utf8')));

const RESPONSE_ID = 'bench';
const double = await startSlackDouble({ users });
const port = await freePort();
const config = loadConfig({
  REDIS_URL: redisUrl,
  REDIS_PREFIX: prefix,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  SLACK_BOT_TOKEN: 'xoxb-bench-cohorte',
  SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
  SLACK_API_URL: double.url,
  SHUTDOWN_TIMEOUT_MS: '3000',
});
const cohorte = createCohorte({
  config,
  community: loadCommunityFile(communityFile),
  log: createLogger(config.LOG_LEVEL),
});

const stop = async () => {
  await cohorte.stop();
  await dropPrefix(prefix, redisUrl);
  await double.close();
};

try {
  await cohorte.start();
} catch (error) {
  await stop().catch(() => undefined);
  throw error;
}
serveChildProtocol({
  port,
  info: { responseUrl: double.responseUrl(RESPONSE_ID) },
  counters: () => ({
    slackApiCalls: double.calls.length,
    usersInfo: double.callsTo('users.info').length,
    responseUrlPosts: double.responses(RESPONSE_ID).length,
  }),
  stop,
});
