/**
 * Cohorte under benchmark, run as a child process: the real composition (`createCohorte`, role `all`: web server,
 * workers and schedulers) on Slack over HTTP, its Web API pointed at a Slack double started in this process, its
 * Redis keys under `BENCH_REDIS_PREFIX` (removed when it stops). The community is `BENCH_COMMUNITY_FILE` (default:
 * the test community) and the double knows the Slack users of `BENCH_SLACK_USERS_FILE` (a JSON list of
 * `{ id, email, name }`; default: the benchmark's coordinator). Speaks the protocol of `support/child-protocol.ts`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { startSlackDouble } from '../test/support/slack-double.js';
import { startBenchCohorte } from './support/bench-cohorte.js';
import { serveChildProtocol } from './support/child-protocol.js';
import { BENCH_SIGNING_SECRET, BENCH_USER, freePort } from './support/slack-bench.js';

const usersFile = process.env.BENCH_SLACK_USERS_FILE;
const users = usersFile
  ? z
      .array(z.object({ id: z.string(), email: z.string(), name: z.string() }))
      .parse(JSON.parse(readFileSync(usersFile, 'utf8')))
  : [BENCH_USER];

const RESPONSE_ID = 'bench';
const double = await startSlackDouble({ users });
const port = await freePort();
const { stop } = await startBenchCohorte({
  port,
  env: {
    SLACK_BOT_TOKEN: 'xoxb-bench-cohorte',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: double.url,
  },
  closeDouble: () => double.close(),
});
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
