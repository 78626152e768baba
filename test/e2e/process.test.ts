import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPrefix, freePort, uniquePrefix } from '../support/cohorte.js';
import { waitFor } from '../support/wait.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Runs `npm start`'s entry point as a real process, stdin kept open (the local shell reads it). */
function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', COMMUNITY_FILE: 'test/fixtures/community.yml', ...env },
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

describe('the cohorte process', () => {
  let child: ChildProcess | undefined;
  let prefix = '';
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (prefix) await dropPrefix(prefix);
  });

  it('starts the local shell without chat credentials, answers, and stops cleanly on SIGTERM', async () => {
    prefix = uniquePrefix('process');
    const port = await freePort();
    const run = launch({ REDIS_PREFIX: prefix, PORT: String(port), LOG_LEVEL: 'info' });
    child = run.child;
    await waitFor(() => run.out.stderr.includes('cohorte started'), 15_000);
    expect(run.out.stderr).toContain('schedulers registered');
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    run.child.stdin?.write('/cohorte moi\n');
    await waitFor(() => run.out.stdout.includes('Rôles : coordination'), 10_000);

    const started = Date.now();
    run.child.kill('SIGTERM');
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.out.stderr).toContain('"signal":"SIGTERM"');
  });

  it('refuses to start on a bad configuration, one line per problem, without echoing secrets', async () => {
    const run = launch({ SLACK_BOT_TOKEN: 'xoxp-zz9TOPVALUEzz', PORT: 'douze' });
    child = run.child;
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(1);
    expect(run.out.stderr).toContain('PORT: ');
    expect(run.out.stderr).toContain('SLACK_BOT_TOKEN: ');
    expect(run.out.stderr).toContain('SLACK_SIGNING_SECRET: ');
    expect(run.out.stderr).not.toContain('zz9TOPVALUEzz');
    expect(run.out.stderr).not.toContain('douze');
  });

  it('refuses to start when COMMUNITY_FILE names a file that is not there (never falls back to the example)', async () => {
    const run = launch({ COMMUNITY_FILE: 'config/absent.yml' });
    child = run.child;
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(1);
    expect(run.out.stderr).toContain('fichier introuvable : config/absent.yml');
  });

  it('refuses to start on an invalid community file, naming the line', async () => {
    const run = launch({ COMMUNITY_FILE: 'test/fixtures/community-invalid.yml' });
    child = run.child;
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(1);
    expect(run.out.stderr).toMatch(/community-invalid\.yml:\d+: .*e-mail/);
  });
});
