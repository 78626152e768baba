import type { Job, Queue } from 'bullmq';
import { digest } from '../store/keys.js';

/**
 * What a finished outbox job keeps of its data: the digest of its delivery key, nothing else. Deduplication needs
 * only the job's id (itself a digest of the key) to exist; the address, the text and any file (a whole
 * `/cohorte mes-donnees` export) would otherwise sit in Redis for the 7 days completed jobs are kept.
 */
export interface ScrubbedData {
  scrubbed: string;
}

/** Whether a job's data was already reduced to its digest (a finished job run again after a crash). */
export const isScrubbed = (data: unknown): data is ScrubbedData =>
  typeof data === 'object' && data !== null && typeof (data as Partial<ScrubbedData>).scrubbed === 'string';

/** Reduces a job's data to the digest of its key (deliveries and updates both carry `key`). */
export async function scrub(job: Job): Promise<void> {
  if (isScrubbed(job.data)) return;
  const key = (job.data as { key?: unknown } | undefined)?.key;
  await job.updateData({
    scrubbed: digest(typeof key === 'string' ? key : String(job.id)),
  } satisfies ScrubbedData);
}

/** Completed jobs read at a time: a fan-out leaves thousands, each with its message. */
const PAGE = 500;

/**
 * Scrubs every completed job still holding its data: those finished before jobs were scrubbed on completion. Run
 * by each erasure, so no copy of the person's words outlives it; a no-op once every job is scrubbed.
 */
export async function scrubCompleted(queue: Queue): Promise<void> {
  for (let start = 0; ; start += PAGE) {
    const jobs = await queue.getJobs(['completed'], start, start + PAGE - 1, true);
    for (const job of jobs) await scrub(job).catch(() => undefined);
    if (jobs.length < PAGE) return;
  }
}
