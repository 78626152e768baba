import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The project's root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Resident memory of a process, in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** CPU time a process has used so far (user + system), in milliseconds, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Compiles Cohorte as `npm run build` does, into a new folder inside the project (so the compiled files find
 * node_modules as `dist/` does); returns the folder, for the caller to remove.
 */
export async function buildCohorte(): Promise<string> {
  const out = mkdtempSync(join(ROOT, '.bench-build-'));
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out],
    { cwd: ROOT },
  );
  return out;
}

/** Spawns a server and resolves once `ready()` says so (or rejects after 30 s). */
export async function launch(args: string[], env: Record<string, string>, ready: (out: string) => boolean) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const deadline = Date.now() + 30_000;
  while (!ready(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await sleep(100);
  }
  return child;
}

/** Stops a server: SIGTERM, then SIGKILL after 10 s. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), sleep(10_000).then(() => child.kill('SIGKILL'))]);
}

/** What every compiled Cohorte under benchmark is started with: its Redis, its port, Slack on a double. */
export interface CompiledCohorte {
  redisUrl: string;
  prefix: string;
  port: number;
  botToken: string;
  signingSecret: string;
  slackApiUrl: string;
  communityFile: string;
}

/**
 * Starts Cohorte as production runs it, `node <out>/src/main.js` (from {@link buildCohorte}), in Slack mode with
 * role `all`; `env` adds to (or overrides) the usual settings. Resolves once it logs that it started.
 */
export function launchCompiledCohorte(
  out: string,
  cohorte: CompiledCohorte,
  env: Record<string, string> = {},
) {
  return launch(
    [join(out, 'src/main.js')],
    {
      REDIS_URL: cohorte.redisUrl,
      REDIS_PREFIX: cohorte.prefix,
      PORT: String(cohorte.port),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: cohorte.botToken,
      SLACK_SIGNING_SECRET: cohorte.signingSecret,
      SLACK_API_URL: cohorte.slackApiUrl,
      COMMUNITY_FILE: cohorte.communityFile,
      ...env,
    },
    (text) => text.includes('cohorte started'),
  );
}
