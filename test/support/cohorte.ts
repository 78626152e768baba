import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { Redis } from 'ioredis';
import { type Cohorte, createCohorte } from '../../src/app.js';
import { loadCommunityFile } from '../../src/community.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/clock.js';
import { createLogger } from '../../src/log.js';

/** The test community (a copy of the example, frozen for tests). */
export const COMMUNITY_FILE = new URL('../fixtures/community.yml', import.meta.url).pathname;
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** A unique key prefix per test, so tests share one Redis without seeing each other. */
export const uniquePrefix = (name: string) => `test-${name}-${randomUUID().slice(0, 8)}`;

/** A port nothing listens on now, chosen by the system (a fixed random range collides with client ports). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Deletes every key under a prefix. */
export async function dropPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

/** A running Cohorte for a test, with its log lines captured. */
export interface RunningCohorte {
  cohorte: Cohorte;
  baseUrl: string;
  prefix: string;
  logs: string[];
  shellOutput: () => string;
  shellInput: PassThrough;
  stop(): Promise<void>;
}

/**
 * Boots the real Cohorte (real Redis, real HTTP server; Slack when `slackApiUrl` is given, else the shell) on an
 * ephemeral port, under a unique Redis prefix that `stop()` removes.
 */
export async function startCohorte(options: {
  name: string;
  slackApiUrl?: string;
  env?: Record<string, string>;
  clock?: Clock;
  redisUrl?: string;
  /** Another community file than the test one (its promotions, rituals and people). */
  communityFile?: string;
  /** How long an outbox intent waits for a Redis replica (see createReplicatedWrites). */
  replicaAckMs?: number;
}): Promise<RunningCohorte> {
  const prefix = options.env?.REDIS_PREFIX ?? uniquePrefix(options.name);
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const port = options.env?.PORT ? Number(options.env.PORT) : await freePort();
  const slack = options.slackApiUrl
    ? {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: options.slackApiUrl,
      }
    : {};
  const config = loadConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    LOG_LEVEL: 'info',
    OUTBOX_CHANNEL_INTERVAL_MS: '0',
    SHUTDOWN_TIMEOUT_MS: '3000',
    ...slack,
    ...options.env,
  });
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));
  const shellInput = new PassThrough();
  const shellOut = new PassThrough();
  let shellText = '';
  shellOut.on('data', (chunk: Buffer) => {
    shellText += chunk.toString();
  });
  const cohorte = createCohorte({
    config,
    community: loadCommunityFile(options.communityFile ?? COMMUNITY_FILE),
    log: createLogger('info', logStream),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.replicaAckMs ? { replicaAckMs: options.replicaAckMs } : {}),
    shell: { input: shellInput, output: shellOut },
  });
  try {
    await cohorte.start();
  } catch (error) {
    await cohorte.stop();
    await dropPrefix(prefix, redisUrl);
    throw error;
  }
  return {
    cohorte,
    baseUrl: `http://127.0.0.1:${port}`,
    prefix,
    logs,
    shellInput,
    shellOutput: () => shellText,
    async stop() {
      shellInput.end();
      await cohorte.stop();
      await dropPrefix(prefix, redisUrl);
    },
  };
}
