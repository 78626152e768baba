import type { QueueHealth, QueueMonitor } from '../core/ports.js';
import type { Queues } from './queues.js';

/** How many of the latest failed jobs each queue names. */
const LATEST_FAILURES = 10;

/**
 * The queues' health for the dashboard: BullMQ's counts (a prioritised job waits too) and the latest failed jobs
 * with their reasons.
 */
export function createQueueMonitor(queues: Queues): QueueMonitor {
  return {
    health: () =>
      Promise.all(
        [queues.jobs, queues.outbox].map(async (queue): Promise<QueueHealth> => {
          const [counts, failures] = await Promise.all([
            queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
            queue.getFailed(0, LATEST_FAILURES - 1),
          ]);
          return {
            queue: queue.name,
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
            latestFailures: failures.map((job) => ({
              name: job.name,
              reason: job.failedReason,
              at: job.finishedOn === undefined ? undefined : new Date(job.finishedOn),
            })),
          };
        }),
      ),
  };
}
