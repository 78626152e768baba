import { z } from 'zod';
import { PROGRESS_JOB } from '../src/core/announcement/manage.js';
import { reportProgress } from '../src/core/announcement/send.js';
import type { JobDefinition } from '../src/core/job.js';

/** Brings an announcement's status message up to date, every few seconds until its final report. */
export const announcementProgressJob: JobDefinition<{
  id: string;
  round: number;
  closing?: boolean | undefined;
}> = {
  name: PROGRESS_JOB,
  schema: z.object({
    id: z.string().min(1),
    round: z.number().int().positive(),
    closing: z.boolean().optional(),
  }),
  run: (services, { id, round, closing }) => reportProgress(services, id, round, closing),
};
