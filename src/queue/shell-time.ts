import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { MovableClock } from '../core/clock.js';
import type { JobDefinition } from '../core/job.js';
import type { ShellJobListing, ShellJobs } from '../core/ports.js';
import { cronNext } from './cron.js';
import { DUE_AT } from './jobs.js';
import type { Queues } from './queues.js';

/** How long the shell waits for a job, or for the outbox to empty, before it reads the next line anyway. */
const SETTLE_LIMIT_MS = 15_000;
const POLL_MS = 20;
/** A delayed job due this soon on the shell's clock runs with the line that scheduled it. */
const SOON_MS = 60_000;

/** A job scheduler as the shell fires it: its id, the job it runs with which data, and its cron in `tz`. */
interface Recurring {
  id: string;
  name: string;
  pattern: string;
  tz: string;
  data: Record<string, unknown>;
}

/** Something due on the shell's clock: a scheduler's occurrence, or a delayed job. */
type Due = { at: Date; recurring: Recurring } | { at: Date; delayed: Job };

/** A delayed job's data without the fields the queue adds, for naming it. */
const ownData = (data: Record<string, unknown>) =>
  Object.entries(data).filter(([field]) => field !== DUE_AT && field !== 'manual');

/** How the shell names a delayed job: its name and data values, `bulle-timeout:<request>:1`. */
const delayedId = (job: Job): string =>
  [job.name, ...ownData(job.data as Record<string, unknown>).map(([, value]) => String(value))].join(':');

/** When a delayed job is due on the bot's clock: `dueAt` when the scheduling said, else the queue's own reading. */
const dueOf = (job: Job): Date => {
  const due = (job.data as Record<string, unknown>)[DUE_AT];
  return typeof due === 'string' ? new Date(due) : new Date(job.timestamp + job.delay);
};

/**
 * The local shell's hold on time. Its clock drives the jobs: schedulers fire when the shell's clock reaches their
 * next occurrence (the jobs worker leaves BullMQ's real-time firings to it), delayed jobs when it reaches their
 * due time. `advance` walks the clock forward through every such moment in order, running each job at its time and
 * waiting for what it sent, so a week goes by in seconds and reads as it would have happened.
 */
export function createShellTime(options: {
  queues: Queues;
  definitions: readonly JobDefinition<never>[];
  clock: MovableClock;
  timezone: string;
}): ShellJobs {
  const { queues, clock } = options;
  const jobs = queues.jobs;
  /** Scheduler occurrences up to here have fired (or were passed over by `:date`)… */
  let firedUpTo = clock.now();
  /** …and, past it, those of each scheduler up to its date here (several may share one minute). */
  const firedAt = new Map<string, Date>();

  const recurring = async (): Promise<Recurring[]> =>
    (await jobs.getJobSchedulers()).flatMap((s) =>
      s.pattern
        ? [
            {
              id: s.key,
              name: s.name,
              pattern: s.pattern,
              tz: s.tz ?? options.timezone,
              data: (s.template?.data as Record<string, unknown> | undefined) ?? {},
            },
          ]
        : [],
    );
  // A scheduler's own next firing waits in the delayed set too: it is not one of the shell's delayed jobs.
  const delayed = async (): Promise<Job[]> => (await jobs.getDelayed()).filter((job) => !job.repeatJobKey);

  /** Waits until the job is done (or failed an attempt: its retry waits in the delayed set); its outcome. */
  async function finished(job: Job): Promise<{ summary: string } | { error: string }> {
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    for (;;) {
      const current = (await jobs.getJob(job.id as string)) ?? job;
      const state = await current.getState();
      if (state === 'failed' || (state === 'delayed' && current.failedReason))
        return { error: current.failedReason };
      if (state === 'completed' || state === 'unknown' || Date.now() > deadline)
        return { summary: String(current.returnvalue ?? '') };
      await sleep(POLL_MS);
    }
  }

  /** Waits until no job waits or runs and the outbox is empty, within `deadline`. */
  async function idle(deadline: number): Promise<void> {
    const busy = async () => {
      const work = await jobs.getJobCounts('waiting', 'active', 'prioritized');
      const mail = await queues.outbox.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return [...Object.values(work), ...Object.values(mail)].some((count) => count > 0);
    };
    while ((await busy()) && Date.now() < deadline) await sleep(POLL_MS);
  }

  async function settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    for (;;) {
      await idle(deadline);
      // What is due within moments (an announcement's progress report, seconds after its copies) belongs to the
      // line that caused it: it runs once everything before it is out, so it reads the same every time.
      const soon = clock.now().getTime() + SOON_MS;
      const due = (await delayed()).filter((job) => dueOf(job).getTime() <= soon);
      if (due.length === 0 || Date.now() >= deadline) return;
      for (const job of due) await promote(job);
    }
  }

  /** Runs a scheduler's job now, with its data, as the scheduler would (the time checks apply unless `manual`). */
  async function fire(run: Recurring, manual: boolean) {
    return finished(await jobs.add(run.name, manual ? { ...run.data, manual } : run.data));
  }

  /** Runs a delayed job now, with its own data. */
  async function promote(job: Job) {
    // It may have started meanwhile (its real due time came): then it is simply waited for.
    await job.promote().catch(() => undefined);
    return finished(job);
  }

  /** The earliest thing due after `firedUpTo` and at or before `to`. */
  async function nextDue(to: Date): Promise<Due | undefined> {
    const candidates: Due[] = [];
    for (const run of await recurring()) {
      const at = cronNext(run.pattern, run.tz, firedAt.get(run.id) ?? firedUpTo);
      if (at && at <= to) candidates.push({ at, recurring: run });
    }
    for (const job of await delayed()) {
      const at = dueOf(job);
      if (at <= to) candidates.push({ at, delayed: job });
    }
    return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  }

  return {
    now: () => clock.now(),

    async list() {
      const now = clock.now();
      const listed: ShellJobListing[] = (await recurring()).map((run) => ({
        id: run.id,
        kind: 'recurring',
        pattern: run.pattern,
        at: cronNext(run.pattern, run.tz, now),
      }));
      for (const job of await delayed()) listed.push({ id: delayedId(job), kind: 'delayed', at: dueOf(job) });
      return listed.sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity));
    },

    async run(id) {
      const run = (await recurring()).find((r) => r.id === id);
      if (run) return fire(run, true);
      const waiting = (await delayed()).sort((a, b) => dueOf(a).getTime() - dueOf(b).getTime());
      // A delayed job by its full name, or the next one due of that job.
      const job = waiting.find((j) => delayedId(j) === id) ?? waiting.find((j) => j.name === id);
      if (job) return promote(job);
      return options.definitions.some((d) => d.name === id) ? 'nothing-due' : 'unknown';
    },

    settle,

    set(at) {
      clock.set(at);
      firedUpTo = at;
      firedAt.clear();
    },

    async advance(to, onStep) {
      for (let due = await nextDue(to); due; due = await nextDue(to)) {
        if (due.at > clock.now()) clock.set(due.at);
        onStep(due.at);
        if ('recurring' in due) {
          firedAt.set(due.recurring.id, due.at);
          await fire(due.recurring, false);
        } else await promote(due.delayed);
        await settle();
      }
      if (to > firedUpTo) firedUpTo = to;
      firedAt.clear();
      if (to > clock.now()) clock.set(to);
    },
  };
}
