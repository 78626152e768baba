import { type ConnectionOptions, type Job, UnrecoverableError, Worker } from 'bullmq';
import { type Clock, systemClock } from '../core/clock.js';
import type { JobDefinition, ScheduledRun } from '../core/job.js';
import type { JobControl, Logger, Schedules, Services } from '../core/ports.js';
import type { CommunityData } from '../core/roster/types.js';
import { cronCheck, cronNext } from './cron.js';
import { jobIdOf, MAX_STALLED_COUNT, QUEUE_NAMES, type Queues, workerLocking } from './queues.js';

/** Runs each job by name through its definition, its data parsed by the definition's schema first. */
export function createJobsWorker(options: {
  connection: ConnectionOptions;
  prefix: string;
  definitions: readonly JobDefinition<never>[];
  services: Services;
  log: Logger;
  /** BullMQ lock of a running job: a killed worker's jobs run again once it lapses (see {@link workerLocking}). */
  lockMs?: number;
  /**
   * False in the local shell, whose own clock fires the schedulers (`shell-time.ts`): BullMQ fires them on the real
   * clock, which the shell's `:avance` leaves behind.
   */
  schedulerFirings?: boolean;
}): Worker {
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const worker = new Worker(
    QUEUE_NAMES.jobs,
    async (job: Job) => {
      const definition = byName.get(job.name);
      if (!definition) throw new UnrecoverableError(`unknown job ${job.name}`);
      if (job.repeatJobKey && options.schedulerFirings === false) return 'left to the shell clock';
      const parsed = definition.schema.safeParse(job.data ?? {});
      if (!parsed.success)
        throw new UnrecoverableError(`invalid data for ${job.name}: ${parsed.error.message}`);
      const summary = await definition.run(options.services, parsed.data);
      options.log.info({ job: job.name, jobId: job.id }, summary);
      return summary;
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: 4,
      maxStalledCount: MAX_STALLED_COUNT,
      ...(options.lockMs ? workerLocking(options.lockMs) : {}),
    },
  );
  worker.on('failed', (job, err) => options.log.error({ job: job?.name, jobId: job?.id, err }, 'job failed'));
  return worker;
}

type Definitions = readonly JobDefinition<never>[];
/** A recurring run with the name of the job it runs. */
type NamedRun = ScheduledRun & { name: string };

/** Every recurring run the definitions ask for in this community, with the job name each runs. */
const runsOf = (definitions: Definitions, community: CommunityData) =>
  definitions.flatMap((d) => (d.schedules?.(community) ?? []).map((run) => ({ ...run, name: d.name })));

/**
 * Upserts one job scheduler per recurring run, under its stable id (restarts never duplicate), in its timezone
 * (the community's by default), and removes schedulers nothing asks for any more. `extra` are runs kept in Redis
 * rather than the file (rituals made in chat): reconciled like the others, so a restart neither drops nor doubles
 * them. Returns the inventory.
 */
export async function upsertSchedulers(
  queues: Queues,
  definitions: Definitions,
  community: CommunityData,
  extra: readonly NamedRun[] = [],
) {
  const wanted = [...runsOf(definitions, community), ...extra];
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

/** The field of a delayed job's data that holds its due time on the bot's clock (ISO 8601). */
export const DUE_AT = 'dueAt';

/** The schedulers chat changes at once (same stable ids as at boot), and BullMQ's reading of cron. */
export function createSchedules(
  queues: Queues,
  community: CommunityData,
  clock: Clock = systemClock,
): Schedules {
  return {
    async upsert(name, run) {
      await queues.jobs.upsertJobScheduler(
        run.id,
        { pattern: run.pattern, tz: run.tz ?? community.timezone },
        { name, data: run.data },
      );
    },
    async remove(id) {
      await queues.jobs.removeJobScheduler(id);
    },
    cronNext,
    cronCheck,
    async once(name, key, at, data) {
      // The delay is read on the community's clock, so a test clock moves what "in 72 hours" means.
      const delay = Math.max(0, at.getTime() - clock.now().getTime());
      // `dueAt` is the due time on that clock, which the local shell's `:jobs` and `:avance` read.
      await queues.jobs.add(name, { ...data, [DUE_AT]: at.toISOString() }, { jobId: jobIdOf(key), delay });
    },
    async cancelOnce(key) {
      const job = await queues.jobs.getJob(jobIdOf(key));
      if (!job || !(await job.isDelayed())) return false;
      // A job that started meanwhile cannot be removed; jobs check the state when they run, so that is harmless.
      return job.remove().then(
        () => true,
        () => false,
      );
    },
  };
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
      // A scheduler made at run time (a ritual created in chat) is not in the definitions: BullMQ has its template.
      const scheduler = run ? undefined : await queues.jobs.getJobScheduler(id);
      const name = run?.name ?? scheduler?.name ?? definitions.find((d) => d.name === id)?.name;
      if (!name) return false;
      await queues.jobs.add(
        name,
        { ...(run?.data ?? scheduler?.template?.data), manual: true },
        { jobId: jobIdOf(`manual:${id}:${Date.now()}`) },
      );
      return true;
    },
  };
}
