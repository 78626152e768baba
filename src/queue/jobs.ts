import { type Job, type RedisOptions, UnrecoverableError, Worker } from 'bullmq';
import type { JobDefinition } from '../core/job.js';
import type { JobControl, Jobs, Logger, Services } from '../core/ports.js';
import { jobIdOf, QUEUE_NAMES, type Queues } from './queues.js';

/** Handlers' view of the jobs queue. */
export function createJobs(queues: Queues): Jobs {
  return {
    async enqueue(name, data, key) {
      await queues.jobs.add(name, data, { jobId: jobIdOf(key) });
    },
  };
}

/** Runs each job by name through its definition, its data parsed by the definition's schema first. */
export function createJobsWorker(options: {
  connection: RedisOptions;
  prefix: string;
  definitions: readonly JobDefinition<never>[];
  services: Services;
  log: Logger;
}): Worker {
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const worker = new Worker(
    QUEUE_NAMES.jobs,
    async (job: Job) => {
      const definition = byName.get(job.name);
      if (!definition) throw new UnrecoverableError(`unknown job ${job.name}`);
      const parsed = definition.schema.safeParse(job.data ?? {});
      if (!parsed.success)
        throw new UnrecoverableError(`invalid data for ${job.name}: ${parsed.error.message}`);
      const summary = await definition.run(options.services, parsed.data);
      options.log.info({ job: job.name, jobId: job.id }, summary);
      return summary;
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) => options.log.error({ job: job?.name, jobId: job?.id, err }, 'job failed'));
  return worker;
}

/**
 * Upserts one job scheduler per scheduled definition, under the definition's name (a stable id, so restarts never
 * duplicate), and removes schedulers no definition asks for any more. Returns the inventory for the startup log.
 */
export async function upsertSchedulers(
  queues: Queues,
  definitions: readonly JobDefinition<never>[],
  tz: string,
) {
  const wanted = definitions.filter((d) => d.schedule);
  for (const d of wanted) {
    const schedule = d.schedule as NonNullable<typeof d.schedule>;
    await queues.jobs.upsertJobScheduler(
      d.name,
      { pattern: schedule.pattern, tz: schedule.tz ?? tz },
      { name: d.name },
    );
  }
  const names = new Set(wanted.map((d) => d.name));
  for (const existing of await queues.jobs.getJobSchedulers()) {
    if (!names.has(existing.key)) await queues.jobs.removeJobScheduler(existing.key);
  }
  return createJobControl(queues, definitions).list();
}

/** Listing and manual runs, for the shell. */
export function createJobControl(queues: Queues, definitions: readonly JobDefinition<never>[]): JobControl {
  return {
    async list() {
      const schedulers = await queues.jobs.getJobSchedulers();
      return schedulers.map((s) => ({
        id: s.key,
        pattern: s.pattern ?? '',
        tz: s.tz ?? '',
        next: s.next ? new Date(s.next) : undefined,
      }));
    },
    async runNow(name) {
      if (!definitions.some((d) => d.name === name)) return false;
      await queues.jobs.add(name, {}, { jobId: jobIdOf(`manual:${name}:${Date.now()}`) });
      return true;
    },
  };
}
