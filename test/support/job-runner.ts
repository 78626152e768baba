import { QueueEvents } from 'bullmq';
import { bullConnectionOptions } from '../../src/store/redis.js';
import { REDIS_URL, type RunningCohorte } from './cohorte.js';
import { waitForAsync } from './wait.js';

/** Runs the bot's jobs on demand, as their schedulers would, and waits for what they enqueued to be delivered. */
export interface JobRunner {
  /** Adds a job (no `manual`: the time checks apply), waits for it and for an idle outbox; returns its summary. */
  run(name: string, data: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** Removes the bot's job schedulers (only the test runs jobs, whatever the wall clock says) and listens to its jobs. */
export async function createJobRunner(bot: RunningCohorte): Promise<JobRunner> {
  const { jobs } = bot.cohorte.queues;
  for (const scheduler of await jobs.getJobSchedulers()) await jobs.removeJobScheduler(scheduler.key);
  const events = new QueueEvents('jobs', {
    connection: bullConnectionOptions(REDIS_URL),
    prefix: bot.cohorte.stores.keys.bull,
  });
  await events.waitUntilReady();
  return {
    async run(name, data) {
      const job = await jobs.add(name, data);
      const summary: unknown = await job.waitUntilFinished(events, 10_000);
      await waitForAsync(() => outboxIdle(bot), 10_000);
      return String(summary);
    },
    close: () => events.close(),
  };
}

/** Whether the outbox has nothing left to send: the posts earlier steps queued are out (it paces them). */
export async function outboxIdle(bot: RunningCohorte): Promise<boolean> {
  const counts = await bot.cohorte.queues.outbox.getJobCounts(
    'waiting',
    'active',
    'delayed',
    'prioritized',
    'paused',
  );
  return Object.values(counts).every((count) => count === 0);
}
