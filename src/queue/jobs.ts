import { type Job, type RedisOptions, UnrecoverableError, Worker } from 'bullmq';
import type { JobDefinition } from '../core/job.js';
import type { JobControl, Logger, Services } from '../core/ports.js';
import type { CommunityData } from '../core/roster/types.js';
import { jobIdOf, QUEUE_NAMES, type Queues } from './queues.js';

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

type Definitions = readonly JobDefinition<never>[];

/** Every recurring run the definitions ask for in this community, with the job name each runs. */
const runsOf = (definitions: Definitions, community: CommunityData) =>
  definitions.flatMap((d) => (d.schedules?.(community) ?? []).map((run) => ({ ...run, name: d.name })));

/**
 * Upserts one job scheduler per recurring run, under its stable id (restarts never duplicate), in its timezone
 * (the community's by default), and removes schedulers nothing asks for any more. Returns the inventory.
 */
export async function upsertSchedulers(queues: Queues, definitions: Definitions, community: CommunityData) {
  const wanted = runsOf(definitions, community);
  for (const run of wanted) {
    await queues.jobs.upsertJobScheduler(
      run.id,
      { pattern: run.pattern, tz: run.tz ?? community.timezone },
      { name: run.name, data: run.data },
    );
  }
  const ids = new Set(wanted.map((run) => run.id));
  for (const existing of await queues.jobs.getJobSchedulers()) {
    if (!ids.has(existing.key)) await queues.jobs.removeJobScheduler(existing.key);
  }
  return createJobControl(queues, definitions, community).list();
}

/** Listing and manual runs, for the shell: `runNow` takes a scheduler id or a job name. */
export function createJobControl(
  queues: Queues,
  definitions: Definitions,
  community: CommunityData,
): JobControl {
  return {
    async list() {
      const schedulers = await queues.jobs.getJobSchedulers();
      return schedulers
        .map((s) => ({
          id: s.key,
          pattern: s.pattern ?? '',
          tz: s.tz ?? '',
          next: s.next ? new Date(s.next) : undefined,
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    },
    async runNow(id) {
      const run = runsOf(definitions, community).find((r) => r.id === id);
      const name = run?.name ?? definitions.find((d) => d.name === id)?.name;
      if (!name) return false;
      await queues.jobs.add(
        name,
        { ...run?.data, manual: true },
        { jobId: jobIdOf(`manual:${id}:${Date.now()}`) },
      );
      return true;
    },
  };
}
