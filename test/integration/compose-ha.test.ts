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
// `merge`: the sentinels are `<<: *sentinel` plus a volume of their own.
const { services, volumes: namedVolumes = {} } = parse(compose, { merge: true }) as {
  services: Record<string, { command?: string[]; volumes?: string[] }>;
  volumes?: Record<string, unknown>;
};
/** Where each Redis and sentinel service mounts its volume (the image's working folder). */
const VOLUME = '/data';
/** The image's entrypoint: as root, it gives the working folder to the user redis and runs the rest as that user. */
const ENTRYPOINT = 'docker-entrypoint.sh redis-server';

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

/**
 * A Redis or sentinel service's command: `sh -c <script>`, the script writing the server's configuration file with
 * `printf '%s\n' 'line'… > file` and running the server on it.
 */
function scriptOf(service: string) {
  const [shell = '', dashC = '', script = ''] = services[service]?.command ?? [];
  /** The lines the script writes to the file: the arguments of its `printf '%s\n' … > file`. */
  const printfArgs = script.match(/printf '%s\\n'([^>]*)>/)?.[1] ?? '';
  const directives = [...printfArgs.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const confPath = script.match(/> (\S+)\n/)?.[1] ?? '';
  return { shell, dashC, script, directives, confPath };
}

const sentinelScript = scriptOf(sentinelServices[0]?.host ?? '');
const monitor = sentinelScript.directives
  .map((line) => line.match(/^sentinel monitor (\S+) (\S+) (\d+) (\d+)$/))
  .find((m) => m !== null);
const [, masterName = '', primaryHost = '', primaryPortInFile = '', quorum = ''] = monitor ?? [];
const redisServices = [primaryHost, 'redis-replica'];
const serverServices = [...redisServices, ...sentinelServices.map(({ host }) => host)];

/** Replaces `from` by `to` in `service`'s script, and fails if `from` is not there `times` times (it changed shape). */
function substitute(service: string, text: string, from: string, to: string, times: number): string {
  expect(text.split(from).length - 1, `« ${from} » in the ${service} script`).toBe(times);
  return text.replaceAll(from, to);
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

/**
 * The compose file's Redis profile « ha », run as local processes: the `sh -c` scripts of the `redis` service, the
 * `redis-replica` service and the three sentinels, each read from docker-compose.yml. Each writes its server's
 * configuration file if absent and runs the server on it. Only what cannot be the same outside Docker is
 * substituted:
 * - service names (`redis`, `redis-replica`) → 127.0.0.1: there is no Docker DNS here to resolve them;
 * - fixed ports (6379, 26379) → free ports: the containers each have their own address, these processes share one
 *   (and a Redis may already listen on 6379); the `port` line of each file, and the port after a service's name;
 * - the volume `/data` → a temporary folder per service, kept from one start to the next, where the process runs
 *   (`/data` is also the image's working folder);
 * - the image's entrypoint (`docker-entrypoint.sh redis-server`, which gives /data to the user redis) → `redis-server`.
 * Nothing else is dropped or added. Cohorte then connects as the compose comment says (`REDIS_SENTINELS` with the
 * service names replaced the same way, `REDIS_SENTINEL_NAME`), through its own connection code, and the primary is
 * SIGKILLed: the sentinels promote the replica after the file's down-after, and the client follows. Then everything
 * is stopped and started again on the same folders, as a host reboot with the volumes kept.
 */
describe('docker-compose.yml, profile « ha », on local processes', () => {
  const servers: Server[] = [];
  const dirs: string[] = [];
  let client: RedisClient | undefined;
  /**
   * The local port and folder of each service, the same at each start: the folder stands for its volume, and the
   * others know it by its port (a sentinel's file names the servers and the other sentinels).
   */
  const homes = new Map<string, { port: number; dir: string }>();
  const homeOf = (service: string) => {
    const home = homes.get(service);
    if (!home) throw new Error(`no local port and folder for ${service}`);
    return home;
  };

  /** Starts `file args` in `cwd`; resolves once it answers on `port`, fails with its output if it exits. */
  async function start(
    name: string,
    port: number,
    file: string,
    args: string[],
    cwd: string,
  ): Promise<Server> {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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

  /** A line of a configuration file with its own port, and the other services' names and ports, made local. */
  function localDirective(line: string, ownPort: number): string {
    const words = line.split(' ');
    if (words[0] === 'port') return `port ${ownPort}`;
    return words
      .map((word, i) => {
        if (Object.hasOwn(services, word)) return LOCAL;
        const before = words[i - 1] ?? '';
        return Object.hasOwn(services, before) && /^\d+$/.test(word) ? String(homeOf(before).port) : word;
      })
      .join(' ');
  }

  /** A Redis or sentinel service, run from its compose script with the substitutions above, on its folder. */
  async function startService(service: string): Promise<Server> {
    const { shell, dashC, script, directives } = scriptOf(service);
    expect([shell, dashC]).toEqual(['sh', '-c']);
    const { port, dir } = homeOf(service);
    let localScript = substitute(service, script, ENTRYPOINT, 'redis-server', 1);
    // Tested for the file, the redirection and the server's argument.
    localScript = substitute(service, localScript, `${VOLUME}/`, `${dir}/`, 3);
    for (const line of directives) {
      const localLine = localDirective(line, port);
      if (localLine !== line)
        localScript = substitute(service, localScript, `'${line}'`, `'${localLine}'`, 1);
    }
    return start(service, port, shell, [dashC, localScript], dir);
  }

  const startSentinels = async (): Promise<Server[]> => {
    const started: Server[] = [];
    for (const { host } of sentinelServices) started.push(await startService(host));
    return started;
  };

  const masterPort = async (sentinel: Server) =>
    Number(((await ask(sentinel.port, 'SENTINEL', 'get-master-addr-by-name', masterName)) as string[])[1]);

  let primary: Server;
  let replica: Server;
  let sentinels: Server[] = [];

  beforeAll(async () => {
    for (const service of serverServices) {
      const dir = mkdtempSync(join(tmpdir(), 'cohorte-test-compose-'));
      dirs.push(dir);
      homes.set(service, { port: await freePort(), dir });
    }
    primary = await startService(primaryHost);
    replica = await startService('redis-replica');
    await waitForAsync(
      async () => String(await ask(replica.port, 'INFO', 'replication')).includes('master_link_status:up'),
      10_000,
    );
    sentinels = await startSentinels();
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
    // The primary listens on Redis's 6379, the port the sentinels watch, and the replica starts as its replica.
    expect(Object.keys(services)).toContain(primaryHost);
    expect(primaryPortInFile).toBe('6379');
    expect(scriptOf(primaryHost).directives).toContain(`port ${primaryPortInFile}`);
    expect(scriptOf('redis-replica').directives).toContain(`replicaof ${primaryHost} ${primaryPortInFile}`);
    // The three sentinels are the same anchor.
    for (const { host } of sentinelServices) expect(scriptOf(host).script).toBe(sentinelScript.script);
    expect(sentinelServices.length).toBe(3);
    expect(quorum).toBe('2');
  });

  it('each sentinel runs every line of the script as written', async () => {
    for (const sentinel of sentinels) {
      const master = (await ask(sentinel.port, 'SENTINEL', 'master', masterName)) as string[];
      const field = (key: string) => master[master.indexOf(key) + 1];
      for (const line of sentinelScript.directives) {
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

  it('each Redis runs every line of its file as written', async () => {
    for (const node of [primary, replica])
      for (const line of scriptOf(node.name).directives) {
        const [name = '', ...value] = localDirective(line, node.port).split(' ');
        if (name === 'replicaof')
          expect(String(await ask(node.port, 'INFO', 'replication'))).toContain(`master_port:${value[1]}\r`);
        else expect(await ask(node.port, 'CONFIG', 'GET', name), line).toEqual([name, value.join(' ')]);
      }
  });

  it('each server writes its file on a volume of its own, only if absent, and runs on that file alone', () => {
    const mounted = serverServices.map((service) => {
      const { script, confPath } = scriptOf(service);
      // Only if absent: Sentinel rewrites its own file and the servers' (a role after a failover); a start must
      // not undo that.
      expect(script.startsWith(`[ -f ${confPath} ] || printf '%s\\n'`), `${service}: ${script}`).toBe(true);
      expect(confPath.startsWith(`${VOLUME}/`), service).toBe(true);
      // No option on the command line: it would come back at every start, over what the file says.
      const sentinel = redisServices.includes(service) ? '' : ' --sentinel';
      expect(script.trimEnd().split('\n').at(-1)).toBe(`exec ${ENTRYPOINT} ${confPath}${sentinel}`);
      const volumes = (services[service]?.volumes ?? []).filter((volume) => volume.endsWith(`:${VOLUME}`));
      expect(volumes.length, service).toBe(1);
      return volumes[0]?.split(':')[0] ?? '';
    });
    expect(new Set(mounted).size).toBe(serverServices.length);
    for (const volume of mounted) expect(Object.keys(namedVolumes)).toContain(volume);
  });

  it('Cohorte, connected as the comment says, follows the replica the sentinels promote', {
    timeout: 40_000,
  }, async () => {
    const env = {
      REDIS_SENTINELS: sentinelServices.map(({ host }) => `${LOCAL}:${homeOf(host).port}`).join(','),
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

  it('after a full restart from the same folders, the write made after the failover is still on the primary', {
    timeout: 40_000,
  }, async () => {
    // As a host reboot or `docker compose restart`: every process stops (the old primary is already dead), the
    // volumes stay, and every service starts again from its command, in the compose file's order (redis, then
    // redis-replica and the sentinels, which depend on it).
    client?.disconnect();
    client = undefined;
    for (const { child } of [replica, ...sentinels]) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    primary = await startService(primaryHost);
    replica = await startService('redis-replica');
    sentinels = await startSentinels();
    const nodes = new Map([primary, replica].map((node) => [node.port, node.name]));

    /** The port the three sentinels name as primary, once they agree and the other node replicates from it. */
    const settled = async (): Promise<number | undefined> => {
      const named = new Set(await Promise.all(sentinels.map(masterPort)));
      const [port] = [...named];
      if (named.size !== 1 || port === undefined || !nodes.has(port)) return undefined;
      const other = [...nodes.keys()].find((node) => node !== port) ?? 0;
      const replication = String(await ask(other, 'INFO', 'replication'));
      const linked =
        replication.includes(`master_port:${port}\r`) && replication.includes('master_link_status:up');
      return linked ? port : undefined;
    };
    // A sentinel that finds a known replica reporting itself primary waits 8 s before making it a replica again;
    // its full resync then waits Redis's repl-diskless-sync-delay (5 s). About 15 s in all.
    await waitForAsync(async () => (await settled().catch(() => undefined)) !== undefined, 25_000);
    const primaryPort = (await settled()) ?? 0;
    expect(
      await ask(primaryPort, 'GET', 'compose-ha'),
      `the key on ${nodes.get(primaryPort)}, named primary by the three sentinels`,
    ).toBe('après');
    const other = [...nodes.keys()].find((node) => node !== primaryPort) ?? 0;
    expect(((await ask(other, 'ROLE')) as unknown[]).slice(0, 3)).toEqual(['slave', LOCAL, primaryPort]);
    // Each role is in its server's file (Sentinel's CONFIG REWRITE): the next restart keeps it too.
    const file = (port: number) => {
      const service = nodes.get(port) ?? '';
      return readFileSync(
        scriptOf(service).confPath.replace(`${VOLUME}/`, `${homeOf(service).dir}/`),
        'utf8',
      );
    };
    expect(file(other)).toMatch(new RegExp(`^replicaof ${LOCAL} ${primaryPort}$`, 'm'));
    expect(file(primaryPort)).not.toMatch(/^replicaof /m);
  });
});
