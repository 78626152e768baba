import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { JobDataSchema, type JobDefinition } from '../../src/core/job.js';
import type { CommunityData } from '../../src/core/roster/types.js';
import { createJobControl, upsertSchedulers } from '../../src/queue/jobs.js';
import { createQueues, type Queues } from '../../src/queue/queues.js';
import { bullConnectionOptions } from '../../src/store/redis.js';
import { bareCommunity } from '../support/bare-community.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';

const community = (timezone = 'Europe/Paris'): CommunityData => bareCommunity({ timezone });

const job = (
  name: string,
  runs: { id: string; pattern: string; tz?: string }[] = [],
): JobDefinition<never> => ({
  name,
  schema: JobDataSchema as never,
  schedules: () => runs.map((run) => ({ ...run, data: { from: run.id } })),
  run: async () => 'ok',
});

describe('job schedulers (real Redis and BullMQ)', () => {
  const opened: Queues[] = [];
  let prefix = '';
  const open = () => {
    const queues = createQueues(bullConnectionOptions(REDIS_URL), prefix);
    opened.push(queues);
    return queues;
  };
  /** Registers the definitions' schedulers at a start, then lists them all. */
  const registered = async (queues: Queues, definitions: JobDefinition<never>[]) => {
    await upsertSchedulers(queues, definitions, community());
    return createJobControl(queues, definitions, community()).list();
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((q) => q.close()));
    await dropPrefix(prefix);
  });

  it('upserts under stable ids: a restart with the same definitions changes nothing, and nothing is duplicated', async () => {
    prefix = uniquePrefix('sched');
    const definitions = [
      job('roster-sync', [{ id: 'roster-sync', pattern: '0 7 * * *' }]),
      job('manual-only'),
    ];
    const first = await registered(open(), definitions);
    const second = await registered(open(), definitions);
    expect(first.map((s) => s.id)).toEqual(['roster-sync']);
    expect(second).toEqual(first);
    const raw = new Queue('jobs', { connection: bullConnectionOptions(REDIS_URL), prefix });
    expect(await raw.getJobSchedulersCount()).toBe(1);
    expect(await raw.getDelayedCount()).toBe(1);
    await raw.close();
  });

  it('reads cron in the community timezone: 07:00 in Paris is 06:00 UTC in winter', async () => {
    prefix = uniquePrefix('sched');
    const [scheduler] = await registered(open(), [
      job('roster-sync', [{ id: 'roster-sync', pattern: '0 7 * * *' }]),
    ]);
    expect(scheduler?.tz).toBe('Europe/Paris');
    expect(scheduler?.next?.getUTCHours()).toBe(6);
  });

  it('removes a scheduler nothing asks for any more, and re-times a changed one', async () => {
    prefix = uniquePrefix('sched');
    const before = [
      job('x', [
        { id: 'a', pattern: '0 7 * * *' },
        { id: 'b', pattern: '0 8 * * *' },
      ]),
    ];
    await upsertSchedulers(open(), before, community());
    const after = await registered(open(), [job('x', [{ id: 'a', pattern: '30 9 * * 1', tz: 'UTC' }])]);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 'a', pattern: '30 9 * * 1', tz: 'UTC' });
  });

  /** The queues of one start, counting the scheduler writes made through them. */
  const counted = () => {
    const queues = open();
    const writes: string[] = [];
    const { jobs } = queues;
    const upsert = jobs.upsertJobScheduler.bind(jobs);
    const remove = jobs.removeJobScheduler.bind(jobs);
    jobs.upsertJobScheduler = (id, ...rest) => {
      writes.push(`upsert ${id}`);
      return upsert(id, ...rest);
    };
    jobs.removeJobScheduler = (id) => {
      writes.push(`remove ${id}`);
      return remove(id);
    };
    return { queues, writes };
  };
  const many = (count: number, at = (_i: number) => '0 3 * * 0') =>
    job(
      'ritual',
      Array.from({ length: count }, (_, i) => ({ id: `ritual:r${i}`, pattern: at(i) })),
    );

  it('a second start with 1,000 schedulers already registered writes none of them', async () => {
    prefix = uniquePrefix('sched');
    await upsertSchedulers(open(), [many(1000)], community());
    const second = counted();
    const inventory = await registered(second.queues, [many(1000)]);
    expect(second.writes).toEqual([]);
    expect(inventory).toHaveLength(1000);
  });

  it('a start after changes writes only them: edited runs upserted, forgotten ones removed', async () => {
    prefix = uniquePrefix('sched');
    await upsertSchedulers(open(), [many(1000)], community());
    const next = counted();
    const after = await registered(next.queues, [many(998, (i) => (i === 7 ? '30 4 * * 0' : '0 3 * * 0'))]);
    expect(next.writes.sort()).toEqual(['remove ritual:r998', 'remove ritual:r999', 'upsert ritual:r7']);
    expect(after).toHaveLength(998);
    expect(after.find((s) => s.id === 'ritual:r7')?.pattern).toBe('30 4 * * 0');
    expect(await next.queues.jobs.getDelayedCount()).toBe(998);
  });

  it('two starts at once after a change register each scheduler once, with one next run each', async () => {
    prefix = uniquePrefix('sched');
    await upsertSchedulers(open(), [many(100)], community());
    const changed = [many(90, (i) => (i < 10 ? '45 8 * * 1' : '0 3 * * 0'))];
    await Promise.all([
      upsertSchedulers(open(), changed, community()),
      upsertSchedulers(open(), changed, community()),
    ]);
    const raw = new Queue('jobs', { connection: bullConnectionOptions(REDIS_URL), prefix });
    const schedulers = await raw.getJobSchedulers();
    expect(schedulers).toHaveLength(90);
    expect(schedulers.filter((s) => s.pattern === '45 8 * * 1')).toHaveLength(10);
    const delayed = await raw.getDelayed();
    expect(delayed).toHaveLength(90);
    expect(new Set(delayed.map((j) => j.repeatJobKey)).size).toBe(90);
    await raw.close();
  });

  it('a stored run edited or deleted while a start writes it ends as it is stored now', async () => {
    prefix = uniquePrefix('sched');
    const run = (id: string, pattern: string) => ({ id, pattern, name: 'ritual', data: { ritualId: id } });
    const queues = open();
    // As a start would read the chat's rituals, then again once its writes are done: one edited, one deleted meanwhile.
    await upsertSchedulers(queues, [], community(), {
      all: async () => [run('ritual:edited', '0 9 * * 1'), run('ritual:deleted', '0 9 * * 2')],
      again: async () => [run('ritual:edited', '30 10 * * 3')],
    });
    const list = await createJobControl(queues, [], community()).list();
    expect(list.map((s) => [s.id, s.pattern])).toEqual([['ritual:edited', '30 10 * * 3']]);
    expect(await queues.jobs.getDelayedCount()).toBe(1);
  });

  it('a run that came due while no worker was up is skipped at start, as before: the next one is scheduled', async () => {
    prefix = uniquePrefix('sched');
    // Every second (six fields), so that its first run is overdue a moment later; no worker promotes it.
    const definitions = [job('x', [{ id: 'often', pattern: '* * * * * *' }])];
    await upsertSchedulers(open(), definitions, community());
    await sleep(1_500);
    // The overdue run is due at least half a second before this start; the one it schedules, after it.
    const startedAt = Date.now();
    const start = counted();
    const [scheduler] = await registered(start.queues, definitions);
    expect(start.writes).toEqual(['upsert often']);
    expect(scheduler?.next?.getTime()).toBeGreaterThanOrEqual(startedAt);
    expect(await start.queues.jobs.getDelayedCount()).toBe(1);
  });

  it('a run that came due and waits for a busy worker is left to it: a start then writes nothing', async () => {
    prefix = uniquePrefix('sched');
    const definitions = [job('x', [{ id: 'often', pattern: '* * * * * *' }])];
    const queues = open();
    await upsertSchedulers(queues, definitions, community());
    await sleep(1_500);
    // What a running worker does with a due run before it has a free slot to take it.
    await queues.jobs.promoteJobs();
    const start = counted();
    await upsertSchedulers(start.queues, definitions, community());
    expect(start.writes).toEqual([]);
    expect(await start.queues.jobs.getWaitingCount()).toBe(1);
  });

  it('runs a scheduler or a job now on request, marked manual, and refuses an unknown name', async () => {
    prefix = uniquePrefix('sched');
    const queues = open();
    const control = createJobControl(
      queues,
      [job('reminder', [{ id: 'reminder:r1:1000', pattern: '0 10 * * *' }])],
      community(),
    );
    expect(await control.runNow('reminder:r1:1000')).toBe(true);
    expect(await control.runNow('reminder')).toBe(true);
    expect(await control.runNow('nope')).toBe(false);
    const waiting = await queues.jobs.getWaiting();
    expect(waiting.map((j) => [j.name, j.data]).sort()).toEqual([
      ['reminder', { from: 'reminder:r1:1000', manual: true }],
      ['reminder', { manual: true }],
    ]);
  });
});
