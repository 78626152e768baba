import { isLocalRedis, redisAddress, startPrivateRedis } from '../src/private-redis.js';
import { redisAnswers } from '../src/store/redis.js';

/**
 * Vitest's global setup: the suite needs a Redis. When nothing answers at a local REDIS_URL (by default
 * redis://127.0.0.1:6379), it starts a private `redis-server` (free port, temporary folder) for the whole run,
 * hands its URL to every test through REDIS_URL, says so in one line and stops it at the end; without
 * `redis-server`, it stops at once and says in French how to get one. A Redis on another machine is never
 * replaced: the tests then say it does not answer.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!isLocalRedis(url) || (await redisAnswers(url))) return undefined;
  const own = await startPrivateRedis();
  process.env.REDIS_URL = own.url;
  process.stdout.write(
    `Aucun Redis ne répond à ${redisAddress(url)} : les tests utilisent un redis-server à eux (port ${own.port}, dossier ${own.dir}), arrêté à la fin.\n`,
  );
  return () => own.stop();
}
