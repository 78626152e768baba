import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { redisAnswers } from '../../src/store/redis.js';
import { freePort } from './cohorte.js';

/** A throw-away redis-server on its own port, that a test can stop and start again to simulate an outage. */
export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Starts `redis-server` (from the machine's packages) on a random port, with no persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = async () => {
    if (running()) return;
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 100 && !(await redisAnswers(url, 200)); i++)
      await new Promise((r) => setTimeout(r, 50));
  };
  await start();
  return {
    url,
    start,
    async stop() {
      if (!child || !running()) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
