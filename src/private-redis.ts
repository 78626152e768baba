import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAnswers } from './store/redis.js';

const USE_ANOTHER = 'indiquez un Redis qui tourne dans REDIS_URL (fichier .env)';

/** What to do when no `redis-server` is installed, said in French to the person who typed `npm start` or `npm test`. */
const HOW_TO_GET_REDIS = [
  'Aucun Redis ne répond, et redis-server n’est pas installé sur cette machine. Pour en avoir un :',
  '  Debian, Ubuntu : sudo apt-get install redis-server',
  '  macOS : brew install redis',
  '  Docker : docker run -d --name cohorte-redis -p 6379:6379 redis:7 (ou docker compose up -d redis)',
  `puis relancez. Ou ${USE_ANOTHER}.`,
].join('\n');

/**
 * A private Redis could not be had (`redis-server` not installed, no free port, no answer); its message says in
 * French what to do.
 */
export class PrivateRedisError extends Error {
  override readonly name = 'PrivateRedisError';
}

/** A `redis-server` of our own: a free port on 127.0.0.1, a temporary folder, gone when stopped. */
export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** True for a Redis on this machine (the default `redis://127.0.0.1:6379`): the only kind we may start ourselves. */
export function isLocalRedis(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}

/** `host:port` of a Redis URL, as people read it (never its password). */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string')
    throw new PrivateRedisError(
      `Aucun port libre sur 127.0.0.1 pour y lancer redis-server : ${USE_ANOTHER}.`,
    );
  return address.port;
}

// redis-server runs under a small sh that kills it when its stdin closes: when this process ends, even killed
// (SIGKILL), the pipe closes and no redis-server is left behind. It exits 127, the shell's "command not found",
// when no redis-server is on the PATH.
const NOT_INSTALLED = 127;
const WATCHDOG = [
  'command -v redis-server >/dev/null || exit 127',
  'redis-server "$@" & pid=$!',
  'trap \'kill "$pid" 2>/dev/null\' EXIT',
  'read -r _ || true',
].join('\n');

/**
 * Starts a private `redis-server` (no persistence, `noeviction` as production runs) on a free port with a temporary
 * folder, and waits until it answers.
 *
 * @throws {PrivateRedisError} when `redis-server` is not installed, never answers, or no port is free.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cohorte-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  const child: ChildProcess = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, 'sh', ...args, '--maxmemory-policy', 'noeviction'],
    { stdio: ['pipe', 'ignore', 'ignore'] },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin?.end();
      await once(child, 'exit');
    }
    for (let i = 0; i < 40 && (await redisAnswers(url, 200)); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode === NOT_INSTALLED) {
      rmSync(dir, { recursive: true, force: true });
      throw new PrivateRedisError(HOW_TO_GET_REDIS);
    }
    if (await redisAnswers(url, 200)) return { url, port, dir, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new PrivateRedisError(
    `redis-server, lancé sur le port ${port}, n’a pas répondu : lancez-le à la main (redis-server --port ${port}) pour lire son erreur, ou ${USE_ANOTHER}.`,
  );
}
