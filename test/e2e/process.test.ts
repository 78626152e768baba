import { type ChildProcess, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMUNITY_FILE, dropPrefix, freePort, uniquePrefix } from '../support/cohorte.js';
import { communityOnServer } from '../support/community-with.js';
import { launch, runToExit } from '../support/launch.js';
import { startMatrixDouble } from '../support/matrix-double.js';
import { MX_BOT, MX_SERVER } from '../support/matrix-e2e.js';
import { waitFor } from '../support/wait.js';

const ROOT = new URL('../..', import.meta.url).pathname;

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

  it('runs from the compiled build as the Docker image does, files shipped beside it found', {
    timeout: 90_000,
  }, async () => {
    const out = mkdtempSync(join(ROOT, '.bench-build-'));
    try {
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT });
      prefix = uniquePrefix('process-build');
      const run = launch({ REDIS_PREFIX: prefix, PORT: String(await freePort()) }, [
        join(out, 'src/main.js'),
      ]);
      child = run.child;
      // The bulloterie's themes file is read at start: the map answers with its domains.
      run.child.stdin?.write('/bulle partage js\n');
      await waitFor(() => run.out.stdout.includes('JavaScript'), 20_000, `shell output: ${run.out.stderr}`);
      run.child.kill('SIGTERM');
      expect((await once(run.child, 'exit'))[0]).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad configuration, one line per problem, without echoing secrets', async () => {
    const run = await runToExit({ SLACK_BOT_TOKEN: 'xoxp-zz9TOPVALUEzz', PORT: 'douze' });
    expect(run.code).toBe(1);
    // In French, each line saying what to type, as the community file's problems are.
    expect(run.stderr.trim().split('\n')).toEqual([
      'Configuration invalide :',
      'PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)',
      'SLACK_BOT_TOKEN: jeton de bot commençant par « xoxb- » attendu (page OAuth & Permissions de l’app Slack)',
      'SLACK_SIGNING_SECRET: requis avec SLACK_BOT_TOKEN (ou définissez SLACK_APP_TOKEN pour le Socket Mode)',
    ]);
    expect(run.stderr).not.toContain('zz9TOPVALUEzz');
    expect(run.stderr).not.toContain('douze');
  });

  it('refuses to start on Matrix with a token the homeserver does not know, saying in French what to do', {
    timeout: 60_000,
  }, async () => {
    prefix = uniquePrefix('process-mx-token');
    const double = await startMatrixDouble({ botId: MX_BOT, users: [] });
    try {
      const run = await runToExit({
        REDIS_PREFIX: prefix,
        PORT: String(await freePort()),
        COMMUNITY_FILE: communityOnServer(COMMUNITY_FILE, MX_SERVER),
        MATRIX_HOMESERVER_URL: double.url,
        MATRIX_ACCESS_TOKEN: 'syt_revoked_zz9TOPVALUEzz',
        MATRIX_USER_ID: MX_BOT,
      });
      expect(run.code).toBe(1);
      // Log lines aside (JSON), the same two lines as any configuration error.
      expect(
        run.stderr
          .trim()
          .split('\n')
          .filter((line) => !line.startsWith('{')),
      ).toEqual([
        'Configuration invalide :',
        `MATRIX_ACCESS_TOKEN: ${double.url} ne reconnaît pas ce jeton (401 M_UNKNOWN_TOKEN : jeton révoqué, ` +
          `expiré ou d’un autre serveur) : connectez de nouveau ${MX_BOT} à travers Pantalaimon et copiez son ` +
          'access_token dans MATRIX_ACCESS_TOKEN (section Tchap du mode d’emploi), ou vérifiez MATRIX_HOMESERVER_URL',
      ]);
      expect(run.stderr + run.stdout).not.toContain('zz9TOPVALUEzz');
    } finally {
      await double.close();
    }
  });

  it('refuses to start when COMMUNITY_FILE names a file that is not there (never falls back to the example)', async () => {
    const run = await runToExit({ COMMUNITY_FILE: 'config/absent.yml' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fichier introuvable : config/absent.yml');
  });

  it('refuses to start on an invalid community file, naming the line', async () => {
    const run = await runToExit({ COMMUNITY_FILE: 'test/fixtures/community-invalid.yml' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/community-invalid\.yml:\d+: .*e-mail/);
  });
});
