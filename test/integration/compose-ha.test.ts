import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, redisTarget } from '../../src/config.js';
import { createCommandRedis, type RedisClient, redisAnswers } from '../../src/store/redis.js';
import { freePort } from '../support/cohorte.js';
import { ask } from '../support/private-redis.js';
import { waitForAsync } from '../support/wait.js';

const LOCAL = '127.0.0.1';
const compose = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const services = (parse(compose) as { services: Record<string, { command?: string[] }> }).services;

/** Every value given to `name=` in `text` (a trailing full stop or backquote is the sentence's, not the value's). */
const valuesOf = (text: string, name: string): string[] =>
  [...text.matchAll(new RegExp(`${name}=([A-Za-z0-9_.:,-]*[A-Za-z0-9_])`, 'g'))].map((m) => m[1] ?? '');

/** What the compose file's comments tell the bot and the worker to put in `.env`. */
const composeComments = compose
  .split('\n')
  .filter((line) => line.trimStart().startsWith('#'))
  .join('\n');
const haSection = readme.slice(readme.indexOf('\n## Haute disponibilité'), readme.indexOf('\n## Développer'));
const dockerBullet = haSection.slice(haSection.indexOf('- **Docker**'), haSection.indexOf('- **Pendant'));
const [sentinelsVar] = valuesOf(composeComments, 'REDIS_SENTINELS');
const [nameVar] = valuesOf(composeComments, 'REDIS_SENTINEL_NAME');
/** The sentinels as `.env` names them: their service names and the port each listens on. */
const sentinelServices = (sentinelsVar ?? '').split(',').map((hostPort) => {
  const [host = '', port = ''] = hostPort.split(':');
  return { host, port: Number(port) };
});

/** A sentinel service's command: `sh -c <script>`, the script writing sentinel.conf with printf and running it. */
const [shell = '', dashC = '', script = ''] = services[sentinelServices[0]?.host ?? '']?.command ?? [];
/** The lines the script writes to sentinel.conf: the arguments of its `printf '%s\n' … > file`. */
const printfArgs = script.match(/printf '%s\\n'([^>]*)>/)?.[1] ?? '';
const directives = [...printfArgs.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
const monitor = directives
  .map((line) => line.match(/^sentinel monitor (\S+) (\S+) (\d+) (\d+)$/))
  .find((m) => m !== null);
const [, masterName = '', primaryHost = '', primaryPortInFile = '', quorum = ''] = monitor ?? [];
const confPath = script.match(/> (\S+)\n/)?.[1] ?? '';

/** Replaces `from` by `to` in `text`, and fails if `from` is not there `times` times (the file changed shape). */
function substitute(text: string, from: string, to: string, times: number): string {
  expect(text.split(from).length - 1, `« ${from} » in the sentinel script`).toBe(times);
  return text.replaceAll(from, to);
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

/**
 * The compose file's Redis profile « ha », run as local processes: the `redis` service's command line, the
 * `redis-replica` service's, and the sentinels' `sh -c` script, each read from docker-compose.yml. Only what cannot
 * be the same outside Docker is substituted:
 * - service names (`redis`, `redis-replica`, `sentinel-N`) → 127.0.0.1: there is no Docker DNS here to resolve them;
 * - fixed ports (6379, 26379) → free ports: the containers each have their own address, these processes share one
 *   (and a Redis may already listen on 6379); the servers get `--port`, the sentinels' `port` line is rewritten;
 * - file paths → a temporary folder per process: `/tmp/sentinel.conf` would be shared by the three sentinels, and
 *   the servers get `--dir` (in the image, their working folder `/data` is a volume).
 * Nothing else is dropped or added. Cohorte then connects as the compose comment says (`REDIS_SENTINELS` with the
 * service names replaced the same way, `REDIS_SENTINEL_NAME`), through its own connection code, and the primary is
 * SIGKILLed: the sentinels promote the replica after the file's down-after, and the client follows.
 */
describe('docker-compose.yml, profile « ha », on local processes', () => {
  const servers: Server[] = [];
  const dirs: string[] = [];
  let client: RedisClient | undefined;
  /** The local port that stands for a `service:port` of the compose network. */
  const local = new Map<string, number>();

  /** Starts `file args` in a fresh folder; resolves once it answers on `port`, fails with its output if it exits. */
  async function start(name: string, port: number, file: string, args: string[]): Promise<Server> {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const server = { name, port, child };
    servers.push(server);
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 10_000;
    while (!(await redisAnswers(`redis://${LOCAL}:${port}`, 200))) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline)
        throw new Error(`${name} did not start (${[file, ...args].join(' ')}):\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return server;
  }

  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohorte-test-compose-'));
    dirs.push(dir);
    return dir;
  };

  /** A Redis service's command line, with service names and their ports made local, in a port and folder of its own. */
  async function startService(service: string): Promise<Server> {
    const [file = '', ...args] = services[service]?.command ?? [];
    expect(file).toBe('redis-server');
    const port = await freePort();
    local.set(`${service}:6379`, port);
    const localArgs = args.map((arg, i) => {
      if (args[i - 2] === '--replicaof') return String(local.get(`${args[i - 1]}:${arg}`));
      return Object.hasOwn(services, arg) ? LOCAL : arg;
    });
    return start(service, port, file, [...localArgs, '--port', String(port), '--dir', folder()]);
  }

  const masterPort = async (sentinel: Server) =>
    Number(((await ask(sentinel.port, 'SENTINEL', 'get-master-addr-by-name', masterName)) as string[])[1]);

  let primary: Server;
  let replica: Server;
  const sentinels: Server[] = [];

  beforeAll(async () => {
    primary = await startService(primaryHost);
    replica = await startService('redis-replica');
    await waitForAsync(
      async () => String(await ask(replica.port, 'INFO', 'replication')).includes('master_link_status:up'),
      10_000,
    );
    for (const { host, port } of sentinelServices) {
      // Each sentinel runs its own service's script (the three are the same anchor).
      expect(services[host]?.command).toEqual([shell, dashC, script]);
      const localPort = await freePort();
      local.set(`${host}:${port}`, localPort);
      let localScript = substitute(script, `'port ${port}'`, `'port ${localPort}'`, 1);
      localScript = substitute(
        localScript,
        `monitor ${masterName} ${primaryHost} ${primaryPortInFile} `,
        `monitor ${masterName} ${LOCAL} ${primary.port} `,
        1,
      );
      localScript = substitute(localScript, confPath, join(folder(), 'sentinel.conf'), 2);
      sentinels.push(await start(host, localPort, shell, [dashC, localScript]));
    }
    for (const sentinel of sentinels)
      await waitForAsync(async () => {
        const replicas = (await ask(sentinel.port, 'SENTINEL', 'replicas', masterName)) as unknown[];
        const others = (await ask(sentinel.port, 'SENTINEL', 'sentinels', masterName)) as unknown[];
        return replicas.length === 1 && others.length === sentinelServices.length - 1;
      }, 15_000);
  }, 30_000);

  afterAll(async () => {
    client?.disconnect();
    for (const { child } of servers)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the comment, the README and the sentinels name the same primary and the same sentinels', () => {
    expect(masterName).not.toBe('');
    expect(nameVar).toBe(masterName);
    expect(valuesOf(haSection, 'REDIS_SENTINEL_NAME')).toEqual([masterName, masterName]);
    expect(valuesOf(dockerBullet, 'REDIS_SENTINELS')).toEqual([sentinelsVar]);
    // The primary's command line sets no --port: it listens on Redis's 6379, the port the sentinels watch.
    expect(Object.keys(services)).toContain(primaryHost);
    expect(services[primaryHost]?.command).not.toContain('--port');
    expect(primaryPortInFile).toBe('6379');
    expect(services['redis-replica']?.command).toEqual(
      expect.arrayContaining(['--replicaof', primaryHost, primaryPortInFile]),
    );
    expect(sentinelServices.length).toBe(3);
    expect(quorum).toBe('2');
  });

  it('each sentinel runs every line of the script as written', async () => {
    for (const sentinel of sentinels) {
      const master = (await ask(sentinel.port, 'SENTINEL', 'master', masterName)) as string[];
      const field = (key: string) => master[master.indexOf(key) + 1];
      for (const line of directives) {
        const words = line.split(' ');
        // The port is substituted: the sentinel answers on the one it was given.
        if (words[0] === 'port') expect(line).toMatch(/^port \d+$/);
        else if (words[1] === 'monitor')
          expect([field('ip'), field('port'), field('quorum')]).toEqual([
            LOCAL,
            String(primary.port),
            quorum,
          ]);
        else if (words.length === 4 && words[2] === masterName) expect(field(words[1] ?? '')).toBe(words[3]);
        else if (words.length === 3 && words[0] === 'sentinel')
          expect(await ask(sentinel.port, 'SENTINEL', 'CONFIG', 'GET', words[1] ?? '')).toEqual([
            words[1],
            words[2],
          ]);
        else throw new Error(`no check for « ${line} »: add one`);
      }
    }
  });

  it('Cohorte, connected as the comment says, follows the replica the sentinels promote', {
    timeout: 40_000,
  }, async () => {
    const env = {
      REDIS_SENTINELS: sentinelServices
        .map(({ host, port }) => `${LOCAL}:${local.get(`${host}:${port}`)}`)
        .join(','),
      REDIS_SENTINEL_NAME: nameVar,
    };
    const redis = createCommandRedis(redisTarget(loadConfig(env)));
    client = redis;
    redis.on('error', () => {});
    await waitForAsync(async () => (await redis.ping().catch(() => '')) === 'PONG', 5000);
    await redis.set('compose-ha', 'avant');
    // Replication is asynchronous: the key must be on the replica before the primary dies.
    await waitForAsync(async () => (await ask(replica.port, 'GET', 'compose-ha')) === 'avant', 5000);

    const killed = Date.now();
    primary.child.kill('SIGKILL');
    await once(primary.child, 'exit');
    for (const sentinel of sentinels)
      await waitForAsync(async () => (await masterPort(sentinel)) === replica.port, 25_000);
    const promotedAfter = Date.now() - killed;
    // down-after-milliseconds 5000, counted from the last answer to a ping (sent every second).
    expect(promotedAfter).toBeGreaterThanOrEqual(4000);
    expect(promotedAfter).toBeLessThan(15_000);
    expect(((await ask(replica.port, 'ROLE')) as unknown[])[0]).toBe('master');

    await waitForAsync(async () => (await redis.get('compose-ha').catch(() => null)) === 'avant', 10_000);
    await redis.set('compose-ha', 'après');
    expect(await ask(replica.port, 'GET', 'compose-ha')).toBe('après');
  });
});
