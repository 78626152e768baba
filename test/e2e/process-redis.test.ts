import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redisAnswers } from '../../src/store/redis.js';
import { dropPrefix, freePort, uniquePrefix } from '../support/cohorte.js';
import { launch, runToExit } from '../support/launch.js';
import { waitFor } from '../support/wait.js';

const STACK_LINE = /\n\s+at /;

/**
 * The process on a machine where Redis is not running, or its port is taken: what a person reads, in French and
 * without a stack trace, and the private redis-server the local shell starts and stops.
 */
// Each test loads the whole process (several seconds on a busy machine), some of them twice.
describe('the cohorte process when Redis or the port is not there', { timeout: 90_000 }, () => {
  let child: ChildProcess | undefined;
  let blocker: Server | undefined;
  let prefix = '';
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    blocker?.close();
    blocker = undefined;
    if (prefix) await dropPrefix(prefix);
    prefix = '';
  });

  /** A REDIS_URL on this machine where nothing listens. */
  const silentRedis = async () => `redis://127.0.0.1:${await freePort()}`;

  it('the local shell starts a private redis-server, says so in one line, and stops it on exit', async () => {
    const run = launch({ REDIS_URL: await silentRedis(), PORT: String(await freePort()) });
    child = run.child;
    await waitFor(() => run.out.stdout.includes('Vous êtes'), 45_000, 'the shell prompt');
    const [line, ...others] = run.out.stderr.split('\n').filter((l) => l.includes('redis-server'));
    expect(others).toEqual([]);
    const [, port, dir] = /port (\d+), dossier ([^)]+)\)/.exec(line ?? '') ?? [];
    expect(line).toMatch(/^Aucun Redis ne répond à 127\.0\.0\.1:\d+ : Cohorte a démarré le sien/);
    const own = `redis://127.0.0.1:${port}`;
    expect(await redisAnswers(own)).toBe(true);
    expect(existsSync(String(dir))).toBe(true);

    run.child.stdin?.write('/cohorte moi\n');
    await waitFor(() => run.out.stdout.includes('Rôles : coordination'), 10_000);
    run.child.kill('SIGTERM');
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(0);
    expect(await redisAnswers(own)).toBe(false);
    expect(existsSync(String(dir))).toBe(false);
  });

  it('no private redis-server outlives a shell killed with SIGKILL', async () => {
    const run = launch({ REDIS_URL: await silentRedis(), PORT: String(await freePort()) });
    child = run.child;
    await waitFor(() => /port \d+, dossier/.test(run.out.stderr), 45_000, 'the private Redis');
    const own = `redis://127.0.0.1:${/port (\d+), dossier/.exec(run.out.stderr)?.[1]}`;
    run.child.kill('SIGKILL');
    await once(run.child, 'exit');
    let gone = false;
    for (let i = 0; i < 50 && !gone; i++) {
      gone = !(await redisAnswers(own, 200));
      if (!gone) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(gone).toBe(true);
  });

  it('says in French how to get Redis when redis-server is not installed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cohorte-nopath-'));
    const run = await runToExit({
      REDIS_URL: await silentRedis(),
      PORT: String(await freePort()),
      PATH: empty,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('redis-server n’est pas installé');
    expect(run.stderr).toContain('Debian, Ubuntu : sudo apt-get install redis-server');
    expect(run.stderr).toContain('macOS : brew install redis');
    expect(run.stderr).toContain('Docker : docker run -d --name cohorte-redis -p 6379:6379 redis:7');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('says in French what to do when the redis-server it starts never answers', async () => {
    // A redis-server that fails at once, as one refusing its configuration or its port does.
    const bin = mkdtempSync(join(tmpdir(), 'cohorte-badredis-'));
    writeFileSync(join(bin, 'redis-server'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const run = await runToExit({
      REDIS_URL: await silentRedis(),
      PORT: String(await freePort()),
      PATH: bin,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^redis-server, lancé sur le port (\d+), n’a pas répondu : lancez-le à la main \(redis-server --port \1\) pour lire son erreur, ou indiquez un Redis qui tourne dans REDIS_URL \(fichier \.env\)\.$/m,
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('in production (ROLE=worker) never starts one: says at once it waits, then stops with a French line', async () => {
    const url = await silentRedis();
    const run = launch({ REDIS_URL: url, ROLE: 'worker', PORT: String(await freePort()) });
    child = run.child;
    // Said before the 10 s wait, not after it: the process is still running when the line comes. Loading the
    // process under tsx took over 15 s once, with the whole suite on the machine.
    await waitFor(() => run.out.stderr.includes('j’attends Redis'), 45_000, 'the waiting line');
    expect(run.child.exitCode).toBeNull();
    expect(run.out.stderr).toContain(
      `Redis ne répond pas à ${url.slice('redis://'.length)} : j’attends Redis…`,
    );
    expect(run.out.stderr).not.toContain('redis-server');
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(1);
    expect(await redisAnswers(url)).toBe(false);
    expect(run.out.stderr).toContain('Redis ne répond toujours pas');
    expect(run.out.stderr).not.toMatch(STACK_LINE);
  });

  it('a taken port is said in French, with the shell serving HTTP on PORT too, without a stack trace', async () => {
    prefix = uniquePrefix('port-taken');
    blocker = createServer();
    blocker.listen(0);
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    const run = await runToExit({ REDIS_PREFIX: prefix, PORT: String(port) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Le port ${port} est déjà pris`);
    expect(run.stderr).toContain('même le shell local sert HTTP sur PORT (3000 par défaut)');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
