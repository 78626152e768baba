import { createCohorte } from '../../src/app.js';
import { loadCommunityFile } from '../../src/community.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { COMMUNITY_FILE, dropPrefix } from '../../test/support/cohorte.js';

/** The Redis a benchmark child was given (`BENCH_REDIS_URL`, keys under `BENCH_REDIS_PREFIX`). */
function benchRedis(): { prefix: string; redisUrl: string } {
  const prefix = process.env.BENCH_REDIS_PREFIX;
  const redisUrl = process.env.BENCH_REDIS_URL;
  if (!prefix || !redisUrl) throw new Error('BENCH_REDIS_PREFIX and BENCH_REDIS_URL are required');
  return { prefix, redisUrl };
}

/**
 * Starts the real composition (`createCohorte`, role `all`) on `port` with the platform variables in `env`, the
 * community of `BENCH_COMMUNITY_FILE` (default: the test one). `stop` shuts it down, removes its Redis keys and
 * closes the platform double (`closeDouble`). A failed start stops what had started and rethrows.
 */
export async function startBenchCohorte(options: {
  port: number;
  env: Record<string, string>;
  closeDouble: () => Promise<unknown>;
}): Promise<{ stop: () => Promise<void> }> {
  const { prefix, redisUrl } = benchRedis();
  const config = loadConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    PORT: String(options.port),
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '3000',
    ...options.env,
  });
  const cohorte = createCohorte({
    config,
    community: loadCommunityFile(process.env.BENCH_COMMUNITY_FILE ?? COMMUNITY_FILE),
    log: createLogger(config.LOG_LEVEL),
  });
  const stop = async () => {
    await cohorte.stop();
    await dropPrefix(prefix, redisUrl);
    await options.closeDouble();
  };
  try {
    await cohorte.start();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { stop };
}
