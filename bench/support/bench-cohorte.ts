import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMUNITY_FILE, dropPrefix } from '../../test/support/cohorte.js';

type App = typeof import('../../src/app.js');
type Community = typeof import('../../src/community.js');
type Config = typeof import('../../src/config.js');
type Log = typeof import('../../src/log.js');

/**
 * Cohorte's composition modules: compiled, from the folder `BENCH_COHORTE_BUILD` names (see `buildCohorte`), as
 * production runs them; without it, the sources under tsx (whose helpers, such as `__name`, run on the hot path).
 */
async function cohorteModules() {
  const build = process.env.BENCH_COHORTE_BUILD;
  const load = <T>(module: string, source: () => Promise<T>): Promise<T> =>
    build ? import(pathToFileURL(join(build, 'src', `${module}.js`)).href) : source();
  const [app, community, config, log] = await Promise.all([
    load<App>('app', () => import('../../src/app.js')),
    load<Community>('community', () => import('../../src/community.js')),
    load<Config>('config', () => import('../../src/config.js')),
    load<Log>('log', () => import('../../src/log.js')),
  ]);
  return { ...app, ...community, ...config, ...log };
}

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
  const { createCohorte, createLogger, loadCommunityFile, loadConfig } = await cohorteModules();
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
