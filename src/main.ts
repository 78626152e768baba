import { createCohorte } from './app.js';
import { CommunityFileError, loadCommunityFile, resolveCommunityPath } from './community.js';
import { ConfigError, loadConfig, readDotEnv } from './config.js';
import { createLogger } from './log.js';
import { PrivateRedisError } from './private-redis.js';
import { prepareRedis, type StartupRedis, startupProblem } from './startup.js';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The process: configuration, then Cohorte, then signals. The only place that exits. */
async function main() {
  readDotEnv();
  let config: ReturnType<typeof loadConfig>;
  let community: ReturnType<typeof loadCommunityFile>;
  try {
    config = loadConfig();
    community = loadCommunityFile(resolveCommunityPath(config.COMMUNITY_FILE));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CommunityFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  let redis: StartupRedis;
  try {
    redis = await prepareRedis(config, say);
  } catch (error) {
    if (!(error instanceof PrivateRedisError)) throw error;
    say(error.message);
    process.exit(1);
  }
  const cohorte = createCohorte({ config: { ...config, REDIS_URL: redis.url }, community, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await cohorte.stop();
    await redis.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    await cohorte.start();
  } catch (error) {
    const problem = startupProblem(error, config);
    if (problem) say(problem);
    else log.fatal({ err: error }, 'start failed');
    await cohorte.stop();
    await redis.stop();
    process.exit(1);
  }
  await cohorte.ended()?.then(() => stop('end of input'));
}

void main();
