import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ritualJob } from '../../jobs/ritual.job.js';
import type { ReminderRitual } from '../../src/core/ritual/ritual.js';
import { createStores } from '../../src/store/index.js';
import { REDIS_URL, type RunningCohorte, startCohorte, uniquePrefix } from '../support/cohorte.js';
import { shellPosts } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const COUNT = 1000;
/** A ritual made in chat: every Monday at `time` in the community channel. */
const reminder = (id: string, message: string, time = '09:00'): ReminderRitual => ({
  id,
  kind: 'reminder',
  message,
  schedule: { days: ['monday'], time, every: 1 },
  skipHolidays: true,
});

/** A Redis connection that notes the name of every command sent through it. */
function noting(redis: Redis): { redis: Redis; commands: string[] } {
  const commands: string[] = [];
  const proxy = new Proxy(redis, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        commands.push(key);
        return value.apply(target, args);
      };
    },
  });
  return { redis: proxy, commands };
}

describe(`${COUNT} rituals made in chat, across worker restarts (shell, Redis, BullMQ, fixed clock)`, () => {
  const prefix = uniquePrefix('ritual-restart');
  let redis: Redis;
  let stores: ReturnType<typeof createStores>;
  let bot: RunningCohorte;
  let now = new Date('2026-12-07T09:00:00+01:00');
  const start = () =>
    startCohorte({ name: 'ritual-restart', env: { REDIS_PREFIX: prefix }, clock: { now: () => now } });
  /** What a restart happening now would find: the bot stopped, its Redis kept. */
  const stopWorkers = () => bot.cohorte.stop();
  const ritualSchedulers = async () =>
    (await bot.cohorte.queues.jobs.getJobSchedulers()).filter((s) => s.key.startsWith('ritual:'));
  /** Each ritual scheduler's next run: its job id and when BullMQ made it. */
  const nextRuns = async () =>
    new Map(
      (await bot.cohorte.queues.jobs.getDelayed())
        .filter((job) => job.repeatJobKey?.startsWith('ritual:'))
        .map((job) => [job.repeatJobKey, `${job.id} ${job.timestamp}`]),
    );
  const posted = (text: string) => shellPosts(bot.shellOutput()).filter((post) => post.text.includes(text));

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    stores = createStores(redis, prefix);
    const pipeline = redis.pipeline();
    for (let i = 0; i < COUNT; i++)
      pipeline.hset(stores.keys.ritual.chat, `r${i}`, JSON.stringify(reminder(`r${i}`, `Rappel ${i}`)));
    await pipeline.exec();
    bot = await start();
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    redis?.disconnect();
  });

  it('the first start schedules every one of them', async () => {
    expect(await ritualSchedulers()).toHaveLength(COUNT);
    expect((await nextRuns()).size).toBe(COUNT);
  });

  it('a restart with nothing changed leaves every scheduler and its next run as they were', async () => {
    const before = await nextRuns();
    await stopWorkers();
    bot = await start();
    expect(await nextRuns()).toEqual(before);
  }, 60_000);

  it('a ritual job reads its own ritual, not the other 999', async () => {
    const counted = noting(new Redis(REDIS_URL));
    const services = { ...bot.cohorte.services, rituals: createStores(counted.redis, prefix).rituals };
    expect(await ritualJob.run(services, { ritualId: 'r5' })).toContain(
      'posted for 2026-12-07T08:00:00.000Z',
    );
    counted.redis.disconnect();
    expect(counted.commands).not.toContain('hvals');
    expect(counted.commands.filter((c) => c === 'hget')).toHaveLength(1);
    await waitFor(() => posted('Rappel 5').length === 1);
  });

  it('edited between two firings, a ritual posts its new text at the next one', async () => {
    await stores.rituals.saveChat(reminder('r5', 'Rappel 5, revu et corrigé'));
    now = new Date('2026-12-14T09:00:00+01:00');
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'r5' })).toContain('posted');
    await waitFor(() => posted('Rappel 5, revu et corrigé').length === 1);
  });

  it('edited and deleted while no worker was up: the next start re-times the one and drops the other', async () => {
    const before = await nextRuns();
    await stopWorkers();
    await stores.rituals.saveChat(reminder('r1', 'Rappel 1 à la nouvelle heure', '10:30'));
    await stores.rituals.deleteChat('r2');
    bot = await start();
    const schedulers = await ritualSchedulers();
    expect(schedulers).toHaveLength(COUNT - 1);
    expect(schedulers.find((s) => s.key === 'ritual:r1')?.pattern).toBe('30 10 * * 1');
    expect(schedulers.find((s) => s.key === 'ritual:r2')).toBeUndefined();
    const after = await nextRuns();
    expect(after.has('ritual:r2')).toBe(false);
    // The others' next runs are the ones registered before: only what changed was written.
    expect([...after].filter(([id, run]) => before.get(id) !== run).map(([id]) => id)).toEqual(['ritual:r1']);

    now = new Date('2026-12-21T10:30:00+01:00');
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'r1' })).toContain('posted');
    await waitFor(() => posted('Rappel 1 à la nouvelle heure').length === 1);
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'r2' })).toContain('no such ritual');
    expect(posted('Rappel 2')).toEqual([]);
  }, 60_000);
});
