import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort, SIGNING_SECRET } from './cohorte.js';
import { waitFor } from './wait.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** A Cohorte worker process (`src/main.ts`, ROLE=worker) on Slack, its Web API pointed at a double. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Everything it wrote on stderr (its log). */
  stderr(): string;
  /** SIGKILL, as a crash: nothing is finished or closed. */
  kill(): Promise<void>;
  /** SIGTERM, a graceful stop. */
  stop(): Promise<void>;
}

/**
 * Starts a worker process under Redis prefix `prefix`, with community `communityFile` and Slack at `slackApiUrl`
 * (plus `env`), and resolves once it logged that it started, within `startLimitMs` (30 s by default: the first worker
 * on a community of thousands of rituals registers one scheduler each at boot).
 */
export async function startWorkerProcess(options: {
  prefix: string;
  communityFile: string;
  slackApiUrl: string;
  env?: Record<string, string>;
  startLimitMs?: number;
}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ROLE: 'worker',
      REDIS_PREFIX: options.prefix,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      COMMUNITY_FILE: options.communityFile,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  try {
    const limit = options.startLimitMs ?? 30_000;
    await waitFor(() => stderr.includes('cohorte started'), limit, 'the worker process started');
  } catch (error) {
    await signal('SIGKILL');
    throw new Error(`${String(error)}\n${stderr.slice(-2000)}`);
  }
  return { child, stderr: () => stderr, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
