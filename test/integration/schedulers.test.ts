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
    const first = await upsertSchedulers(open(), definitions, community());
    const second = await upsertSchedulers(open(), definitions, community());
    expect(first.map((s) => s.id)).toEqual(['roster-sync']);
    expect(second).toEqual(first);
    const raw = new Queue('jobs', { connection: bullConnectionOptions(REDIS_URL), prefix });
    expect(await raw.getJobSchedulersCount()).toBe(1);
    expect(await raw.getDelayedCount()).toBe(1);
    await raw.close();
  });

  it('reads cron in the community timezone: 07:00 in Paris is 06:00 UTC in winter', async () => {
    prefix = uniquePrefix('sched');
    const [scheduler] = await upsertSchedulers(
      open(),
      [job('roster-sync', [{ id: 'roster-sync', pattern: '0 7 * * *' }])],
      community(),
    );
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
    const after = await upsertSchedulers(
      open(),
      [job('x', [{ id: 'a', pattern: '30 9 * * 1', tz: 'UTC' }])],
      community(),
    );
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 'a', pattern: '30 9 * * 1', tz: 'UTC' });
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
