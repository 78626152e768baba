import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { REDIS_URL } from './cohorte.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Runs `npm start`'s entry point as a real process (or another entry, such as the compiled build's), stdin kept
 * open (the local shell reads it), with the test fixture community and the tests' Redis unless `env` says
 * otherwise. Its output accumulates in `out`.
 */
export function launch(env: Record<string, string>, entry = ['--import', 'tsx', 'src/main.ts']) {
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      COMMUNITY_FILE: 'test/fixtures/community.yml',
      REDIS_URL,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (c: Buffer) => {
    out.stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out.stderr += c.toString();
  });
  return { child, out };
}

/** Runs the entry point until it exits by itself: its exit code and everything it wrote. */
export async function runToExit(env: Record<string, string>) {
  const run = launch(env);
  const [code] = (await once(run.child, 'exit')) as [number | null];
  return { code, ...run.out };
}
