import { type ConnectionOptions, type Job, type JobsOptions, Queue } from 'bullmq';
import { digest } from '../store/keys.js';

/** The queues of Cohorte: background jobs by name, and the outbox of every message the bot sends. */
export const QUEUE_NAMES = { jobs: 'jobs', outbox: 'outbox' } as const;

/**
 * The one place for job options. Completed jobs are kept 7 days: a `jobId` only deduplicates while its job exists,
 * so this is the dedupe window of every deterministic id.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * The BullMQ id of a key: a digest, since keys name people (`personal-data:<e-mail>:…`) and BullMQ refuses `:`.
 * The same key always gives the same id, which is what deduplicates.
 */
export const jobIdOf = (key: string): string => `k${digest(key)}`;

/**
 * How many times a job may be found stalled (its worker killed, or its lock lapsed under load) before BullMQ fails it
 * for good. Every job is idempotent and simply runs again, and a long one (an announcement's fan-out, queueing its
 * copies) is caught in every crash that lands before it ends: at 5, ten SIGKILLs in a row failed the fan-out, its
 * remaining copies were never queued and its author never had a report. Only a job that crashes its worker far more
 * often than any outage does is given up.
 */
export const MAX_STALLED_COUNT = 20;

/** How often a worker looks for jobs whose worker died (their lock lapsed), at most. */
const STALLED_CHECK_MS = 1000;

/**
 * Lock options of a worker. BullMQ renews a running job's lock every half `lockMs`; a killed worker's jobs come
 * back once their lock lapses and the next stalled check sees it: within `lockMs` plus a second, not twice `lockMs`.
 */
export const workerLocking = (lockMs: number) => ({
  lockDuration: lockMs,
  stalledInterval: Math.min(lockMs, STALLED_CHECK_MS),
});

/**
 * BullMQ's lock of a job (`<prefix>:<queue>:<job id>:lock`, next to the job's other keys and under the same hash tag
 * on a cluster): it holds the token of the run that owns the job, the `token` its processor was given.
 */
export const lockKeyOf = (job: Job): string => `${job.queueQualifiedName}:${job.id}:lock`;

/** Producer side of both queues, on a producer connection (see `createBullConnections`). */
export function createQueues(producer: ConnectionOptions, prefix: string) {
  const jobs = new Queue(QUEUE_NAMES.jobs, { connection: producer, prefix, defaultJobOptions: JOB_OPTIONS });
  const outbox = new Queue(QUEUE_NAMES.outbox, {
    connection: producer,
    prefix,
    defaultJobOptions: JOB_OPTIONS,
  });
  return {
    jobs,
    outbox,
    async close() {
      await Promise.all([jobs.close(), outbox.close()]);
    },
  };
}

/** Both producer queues. */
export type Queues = ReturnType<typeof createQueues>;
