import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { redisAnswers } from '../../src/store/redis.js';
import { freePort } from './cohorte.js';

/** A throw-away redis-server on its own port, that a test can stop and start again to simulate an outage. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL, as a crashed machine: nothing is saved or said to the replicas. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  remove(): Promise<void>;
}

/**
 * Starts `redis-server` (from the machine's packages) on a random port, with no persistence, in a folder of its own.
 * `config` is written to a file there and read first (a sentinel needs a file it can rewrite); `args` come last
 * (`--replicaof`, `--sentinel`, `--cluster-enabled`…).
 */
export async function startPrivateRedis(
  options: { config?: string; args?: string[] } = {},
): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'cohorte-test-redis-'));
  const configFile = join(dir, 'redis.conf');
  if (options.config !== undefined) writeFileSync(configFile, options.config);
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = async () => {
    if (running()) return;
    child = spawn(
      'redis-server',
      [
        ...(options.config !== undefined ? [configFile] : []),
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
        ...(options.args ?? []),
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100 && !(await redisAnswers(url, 200)); i++)
      await new Promise((r) => setTimeout(r, 50));
  };
  const stop = async () => {
    if (!child || !running()) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  };
  await start();
  return {
    url,
    port,
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asks a redis-server (or a sentinel) on this machine one command, on a short-lived connection. */
export async function ask(port: number, ...command: [string, ...string[]]): Promise<unknown> {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    return await redis.call(...command);
  } finally {
    redis.disconnect();
  }
}
