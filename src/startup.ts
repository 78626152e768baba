import { type Config, invalidConfiguration } from './config.js';
import { SettingError } from './core/errors.js';
import { isLocalRedis, type PrivateRedis, redisAddress, startPrivateRedis } from './private-redis.js';
import { type HostPort, REDIS_START_WAIT_MS, RedisNotReadyError, redisAnswers } from './store/redis.js';

/** The Redis this process uses, and how to let go of it when the process ends. */
export interface StartupRedis {
  url: string;
  /** Stops the private `redis-server` when there is one. */
  stop(): Promise<void>;
}

/**
 * Finds the Redis to use before starting, saying in one line what happens. The local shell (`npm start` without
 * chat variables, ROLE=all) with a local REDIS_URL where nothing answers starts a private `redis-server` (see
 * private-redis.ts). Anything else (Slack, Mattermost, ROLE=web or worker, a Redis on another machine) never
 * starts one: it says at once that it waits for Redis.
 *
 * @throws {PrivateRedisError} when a private Redis is needed and cannot be had (`redis-server` not installed, or
 * not answering).
 */
export async function prepareRedis(config: Config, say: (line: string) => void): Promise<StartupRedis> {
  const url = config.REDIS_URL;
  const kept = { url, stop: async () => {} };
  // Sentinels name the primary at connection time, a cluster its nodes: there is nothing to probe or start here.
  if (config.REDIS_SENTINELS !== undefined || config.REDIS_CLUSTER_NODES !== undefined) return kept;
  if (await redisAnswers(url)) return kept;
  const address = redisAddress(url);
  if (!config.mayStartRedis || !isLocalRedis(url)) {
    say(
      `Redis ne répond pas à ${address} : j’attends Redis… (${REDIS_START_WAIT_MS / 1000} s au plus, puis arrêt ; vérifiez REDIS_URL)`,
    );
    return kept;
  }
  const own: PrivateRedis = await startPrivateRedis();
  say(
    `Aucun Redis ne répond à ${address} : Cohorte a démarré le sien (redis-server sur le port ${own.port}, dossier ${own.dir}), arrêté en quittant ; ses données repartent de zéro à chaque lancement.`,
  );
  return { url: own.url, stop: own.stop };
}

const addresses = (list: readonly HostPort[]): string => list.map((a) => `${a.host}:${a.port}`).join(', ');

/** Where Redis is, as people read it in a message (addresses, never a password), and the variables that say so. */
function redisWhere(config: Config): { where: string; variables: string } {
  if (config.REDIS_CLUSTER_NODES !== undefined)
    return {
      where: `le cluster (${addresses(config.REDIS_CLUSTER_NODES)})`,
      variables: 'REDIS_CLUSTER_NODES',
    };
  if (config.REDIS_SENTINELS === undefined)
    return { where: redisAddress(config.REDIS_URL), variables: 'REDIS_URL' };
  return {
    where: `« ${config.REDIS_SENTINEL_NAME} » (sentinelles ${addresses(config.REDIS_SENTINELS)})`,
    variables: 'REDIS_SENTINELS, REDIS_SENTINEL_NAME',
  };
}

/**
 * A failed start said in French, without a stack trace, for the causes a person can fix (a setting a platform
 * contradicts at start among them); undefined for a bug (the error is then logged whole).
 */
export function startupProblem(error: unknown, config: Config): string | undefined {
  if (error instanceof SettingError) return invalidConfiguration([error.message]);
  if (error instanceof RedisNotReadyError) {
    const { where, variables } = redisWhere(config);
    return `Redis ne répond toujours pas à ${where} après ${error.waitedMs / 1000} s : Cohorte s’arrête. Vérifiez ${variables} et que Redis tourne (un gestionnaire de services relancera Cohorte).`;
  }
  if ((error as { code?: unknown } | null)?.code === 'EADDRINUSE')
    return `Le port ${config.PORT} est déjà pris par un autre programme, peut-être un autre Cohorte : même le shell local sert HTTP sur PORT (3000 par défaut). Arrêtez l’autre programme, ou choisissez un autre port : PORT=${config.PORT === 3000 ? 3001 : 3000} npm start`;
  return undefined;
}
