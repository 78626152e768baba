import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JobDefinition } from '../../src/core/job.js';
import { createJobControl, upsertSchedulers } from '../../src/queue/jobs.js';
import { createQueues, type Queues } from '../../src/queue/queues.js';
import { bullConnectionOptions } from '../../src/store/redis.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';

const job = (name: string, pattern?: string, tz?: string): JobDefinition<never> => ({
  name,
  schema: z.never(),
  ...(pattern ? { schedule: { pattern, ...(tz ? { tz } : {}) } } : {}),
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
    const definitions = [job('roster-sync', '0 7 * * *'), job('manual-only')];
    const first = await upsertSchedulers(open(), definitions, 'Europe/Paris');
    const second = await upsertSchedulers(open(), definitions, 'Europe/Paris');
    expect(first.map((s) => s.id)).toEqual(['roster-sync']);
    expect(second).toEqual(first);
    const raw = new Queue('jobs', { connection: bullConnectionOptions(REDIS_URL), prefix });
    expect(await raw.getJobSchedulersCount()).toBe(1);
    expect(await raw.getDelayedCount()).toBe(1);
    await raw.close();
  });

  it('reads cron in the schedule timezone: 07:00 in Paris is 06:00 UTC in winter', async () => {
    prefix = uniquePrefix('sched');
    const [scheduler] = await upsertSchedulers(open(), [job('roster-sync', '0 7 * * *')], 'Europe/Paris');
    expect(scheduler?.tz).toBe('Europe/Paris');
    expect(scheduler?.next?.getUTCHours()).toBe(6);
  });

  it('removes a scheduler whose definition is gone, and re-times a changed one', async () => {
    prefix = uniquePrefix('sched');
    await upsertSchedulers(open(), [job('a', '0 7 * * *'), job('b', '0 8 * * *')], 'Europe/Paris');
    const after = await upsertSchedulers(open(), [job('a', '30 9 * * 1', 'UTC')], 'Europe/Paris');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 'a', pattern: '30 9 * * 1', tz: 'UTC' });
  });

  it('runs a job now on request, and refuses a name that is not a job', async () => {
    prefix = uniquePrefix('sched');
    const queues = open();
    const control = createJobControl(queues, [job('roster-sync', '0 7 * * *')]);
    expect(await control.runNow('roster-sync')).toBe(true);
    expect(await control.runNow('nope')).toBe(false);
    const waiting = await queues.jobs.getWaiting();
    expect(waiting.map((j) => j.name)).toEqual(['roster-sync']);
  });
});
