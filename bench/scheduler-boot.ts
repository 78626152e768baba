/**
 * `npx tsx bench/scheduler-boot.ts`: how long a worker's start takes with 10,000 reminder rituals (RITUALS to
 * change it), and how many Redis commands it sends, on a redis-server of its own (so that the count is this
 * worker's alone). Rituals from the file, then made in chat; for each, three starts of an in-process worker
 * (`createCohorte`, ROLE=worker, on the shell): nothing scheduled yet, nothing changed since the last start, and
 * after 1 % of the rituals were edited and 0.1 % deleted while no worker was up. Not a timed test, nor a
 * `*.bench.ts`: a measurement to run by hand, one at a time.
 */
import { PassThrough } from 'node:stream';
import { Redis } from 'ioredis';
import { createCohorte } from '../src/app.js';
import { loadCommunityFile } from '../src/community.js';
import { loadConfig } from '../src/config.js';
import type { ReminderRitual } from '../src/core/ritual/ritual.js';
import { createLogger } from '../src/log.js';
import { createStores } from '../src/store/index.js';
import { COMMUNITY_FILE, freePort } from '../test/support/cohorte.js';
import { communityWith } from '../test/support/community-with.js';
import { startPrivateRedis } from '../test/support/private-redis.js';

const COUNT = Number(process.env.RITUALS ?? 10_000);
const EDITED = Math.ceil(COUNT / 100);
const DELETED = Math.ceil(COUNT / 1000);
const PREFIX = 'boot';

const ritual = (i: number, time = '03:00'): ReminderRitual => ({
  id: `rituel-${i}`,
  kind: 'reminder',
  message: `Rituel de charge ${i}`,
  schedule: { days: ['sunday'], time, every: 1 },
  skipHolidays: false,
});
const yaml = (r: ReminderRitual) =>
  `  - { id: ${r.id}, kind: reminder, message: '${r.message}', schedule: { days: [dimanche], time: '${
    'days' in r.schedule ? r.schedule.time : ''
  }' }, skipHolidays: false }`;
/** The rituals after the edits and deletions: the first EDITED at another time, the last DELETED gone. */
const changed = () =>
  Array.from({ length: COUNT - DELETED }, (_, i) => (i < EDITED ? ritual(i, '04:30') : ritual(i)));

/** Every command Redis ran so far, those of Lua scripts included, and the scripts run (`INFO commandstats`). */
async function commands(redis: Redis): Promise<{ all: number; scripts: number }> {
  const info = await redis.info('commandstats');
  const all = [...info.matchAll(/calls=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const scripts = [...info.matchAll(/cmdstat_eval(?:sha)?:calls=(\d+)/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
  return { all, scripts };
}
type Boot = { seconds: number; commands: number; scripts: number };

/** One worker start on `file`: its seconds and the Redis commands sent meanwhile (the INFO call itself aside). */
async function boot(url: string, file: string): Promise<Boot> {
  // Read first: parsing thousands of rituals holds the event loop longer than a connection waits to connect.
  const community = loadCommunityFile(file);
  const probe = new Redis(url);
  const config = loadConfig({
    REDIS_URL: url,
    REDIS_PREFIX: PREFIX,
    PORT: String(await freePort()),
    ROLE: 'worker',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '3000',
  });
  const cohorte = createCohorte({
    config,
    community,
    log: createLogger('warn', new PassThrough()),
    shell: { input: new PassThrough(), output: new PassThrough() },
  });
  const before = await commands(probe);
  const from = performance.now();
  await cohorte.start();
  const seconds = (performance.now() - from) / 1000;
  const after = await commands(probe);
  await cohorte.stop();
  probe.disconnect();
  return { seconds, commands: after.all - before.all - 1, scripts: after.scripts - before.scripts };
}

async function scenario(source: 'file' | 'chat') {
  const redis = await startPrivateRedis();
  const client = new Redis(redis.url);
  const rituals = source === 'chat' ? createStores(client, PREFIX).rituals : undefined;
  const fileOf = (list: ReminderRitual[]) =>
    source === 'file' ? communityWith({ rituals: list.map(yaml).join('\n') }) : COMMUNITY_FILE;
  try {
    const all = Array.from({ length: COUNT }, (_, i) => ritual(i));
    for (const r of rituals ? all : []) await rituals?.saveChat(r);
    const file = fileOf(all);
    const rows: [string, Boot][] = [];
    rows.push(['nothing scheduled yet', await boot(redis.url, file)]);
    rows.push(['nothing changed since', await boot(redis.url, file)]);
    for (const r of rituals ? changed().slice(0, EDITED) : []) await rituals?.saveChat(r);
    for (let i = COUNT - DELETED; rituals && i < COUNT; i++) await rituals.deleteChat(`rituel-${i}`);
    rows.push([
      `${EDITED} edited, ${DELETED} deleted`,
      await boot(redis.url, rituals ? file : fileOf(changed())),
    ]);
    for (const [what, r] of rows)
      process.stdout.write(
        `${COUNT} ${source} rituals, ${what}: ${r.seconds.toFixed(2)} s, ${r.commands} Redis commands ` +
          `(${r.scripts} scripts)\n`,
      );
  } finally {
    client.disconnect();
    await redis.remove();
  }
}

await scenario('file');
await scenario('chat');
