/**
 * Cohorte under benchmark, run as a child process: the real composition (`createCohorte`, role `all`: web server,
 * workers and schedulers) on Slack over HTTP, its Web API pointed at a Slack double started in this process, its
 * Redis keys under `BENCH_REDIS_PREFIX` (removed when it stops). The community is `BENCH_COMMUNITY_FILE` (default:
 * the test community) and the double knows the Slack users of `BENCH_SLACK_USERS_FILE` (a JSON list of
 * `{ id, email, name }`; default: the benchmark's coordinator). Speaks the protocol of `support/child-protocol.ts`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createCohorte } from '../src/app.js';
import { loadCommunityFile } from '../src/community.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { COMMUNITY_FILE, dropPrefix } from '../test/support/cohorte.js';
import { startSlackDouble } from '../test/support/slack-double.js';
import { serveChildProtocol } from './support/child-protocol.js';
import { BENCH_SIGNING_SECRET, BENCH_USER, freePort } from './support/slack-bench.js';

const prefix = process.env.BENCH_REDIS_PREFIX;
const redisUrl = process.env.BENCH_REDIS_URL;
if (!prefix || !redisUrl) throw new Error('BENCH_REDIS_PREFIX and BENCH_REDIS_URL are required');
const usersFile = process.env.BENCH_SLACK_USERS_FILE;
const users = usersFile
  ? z
      .array(z.object({ id: z.string(), email: z.string(), name: z.string() }))
      .parse(JSON.parse(readFileSync(usersFile, 'utf8')))
  : [BENCH_USER];

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
  community: loadCommunityFile(process.env.BENCH_COMMUNITY_FILE ?? COMMUNITY_FILE),
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
