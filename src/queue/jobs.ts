import { isDeepStrictEqual } from 'node:util';
import { type ConnectionOptions, Job, UnrecoverableError, Worker } from 'bullmq';
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
 * Runs kept in Redis rather than the file (rituals made in chat): all of them, or again those of some scheduler ids,
 * read anew one by one (an id whose run is gone is left out).
 */
export interface StoredRuns {
  all(): Promise<NamedRun[]>;
  again(ids: readonly string[]): Promise<NamedRun[]>;
}

/** Scheduler writes sent at once: pipelined on the connection, without thousands of scripts in flight. */
const WRITES_AT_ONCE = 200;

/** `work` on every item, `WRITES_AT_ONCE` at a time; the results in order. */
async function batched<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += WRITES_AT_ONCE)
    results.push(...(await Promise.all(items.slice(i, i + WRITES_AT_ONCE).map(work))));
  return results;
}

type Registered = Awaited<ReturnType<Queues['jobs']['getJobSchedulers']>>[number];

/** States of a scheduler's due run that a worker has taken up: it will run, so a start leaves it alone. */
const TAKEN_UP = new Set(['waiting', 'active', 'prioritized', 'waiting-children']);

/**
 * The runs whose scheduler must be upserted at a start: those not registered as asked (pattern, timezone, job name,
 * data, the queue's job options), and those whose next run came due with no worker to take it up (as every start
 * did before, that run is dropped and the next one scheduled; a due run waiting for a busy worker is left to it).
 */
async function toUpsert(
  jobs: Queues['jobs'],
  registered: ReadonlyMap<string, Registered>,
  wanted: readonly NamedRun[],
  timezone: string,
): Promise<NamedRun[]> {
  const now = Date.now();
  // What an upsert stores as the template's options: the queue's, as BullMQ reads them back.
  const template = Job.optsFromJSON(JSON.stringify(Job.optsAsJSON(jobs.defaultJobOptions)));
  const asAsked = (s: Registered | undefined, run: NamedRun): s is Registered =>
    s?.name === run.name &&
    s.pattern === run.pattern &&
    s.tz === (run.tz ?? timezone) &&
    isDeepStrictEqual(s.template?.data ?? {}, run.data) &&
    isDeepStrictEqual(s.template?.opts ?? {}, template);
  const changed: NamedRun[] = [];
  const overdue: { run: NamedRun; next: number }[] = [];
  for (const run of wanted) {
    const s = registered.get(run.id);
    if (!asAsked(s, run) || !s.next) changed.push(run);
    else if (s.next <= now) overdue.push({ run, next: s.next });
  }
  // BullMQ's id of a scheduler's next run: `repeat:<scheduler id>:<its time in ms>`.
  const states = await batched(overdue, ({ run, next }) => jobs.getJobState(`repeat:${run.id}:${next}`));
  return [...changed, ...overdue.filter((_, i) => !TAKEN_UP.has(states[i] ?? '')).map(({ run }) => run)];
}

/**
 * Registers one job scheduler per recurring run, under its stable id (restarts never duplicate), in its timezone
 * (the community's by default), and removes schedulers nothing asks for any more. `stored` are runs kept in Redis
 * rather than the file (rituals made in chat): reconciled like the others, so a restart neither drops nor doubles
 * them. Only the differences are written ({@link toUpsert}; a scheduler registered as asked keeps its next run): a
 * start after nothing changed reads the schedulers and writes none, however many rituals there are. Two starts at
 * once write the same upserts under the same ids: nothing doubles. Returns how many schedulers there are, and the
 * ids of those upserted and of those removed.
 */
export async function upsertSchedulers(
  queues: Queues,
  definitions: Definitions,
  community: CommunityData,
  stored?: StoredRuns,
) {
  const { jobs } = queues;
  // Listed before the stored runs are read: a scheduler listed here was upserted after its ritual was saved (chat
  // saves, then upserts), so that ritual is read below unless deleted since (chat removes its scheduler first).
  // So a removal below never undoes a ritual created meanwhile.
  const registered = new Map((await jobs.getJobSchedulers()).map((s) => [s.key, s]));
  const fromStore = (await stored?.all()) ?? [];
  const wanted = [...runsOf(definitions, community), ...fromStore];
  const changed = await toUpsert(jobs, registered, wanted, community.timezone);
  const upsert = (run: NamedRun) =>
    jobs.upsertJobScheduler(
      run.id,
      { pattern: run.pattern, tz: run.tz ?? community.timezone },
      { name: run.name, data: run.data },
    );
  const ids = new Set(wanted.map((run) => run.id));
  const removed = [...registered.keys()].filter((id) => !ids.has(id));
  await batched(changed, upsert);
  await batched(removed, (id) => jobs.removeJobScheduler(id));
  // A stored run written here may have changed meanwhile, its own upsert landing before ours: written again as it
  // is stored now, or removed if it is gone.
  const isStored = new Set(fromStore);
  const written = new Map(changed.filter((run) => isStored.has(run)).map((run) => [run.id, run]));
  if (stored && written.size > 0) {
    const current = new Map((await stored.again([...written.keys()])).map((run) => [run.id, run]));
    await batched([...written.keys()], async (id) => {
      const run = current.get(id);
      if (!run) await jobs.removeJobScheduler(id);
      else if (!isDeepStrictEqual(run, written.get(id))) await upsert(run);
    });
  }
  return { schedulers: wanted.length, upserted: changed.map((run) => run.id), removed };
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
