import { createCohorte } from './app.js';
import { CommunityFileError, loadCommunityFile, resolveCommunityPath } from './community.js';
import { ConfigError, loadConfig, readDotEnv } from './config.js';
import { createLogger } from './log.js';

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
  const cohorte = createCohorte({ config, community, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await cohorte.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    await cohorte.start();
  } catch (error) {
    log.fatal({ err: error }, 'start failed');
    await cohorte.stop();
    process.exit(1);
  }
  await cohorte.ended()?.then(() => stop('end of input'));
}

void main();
