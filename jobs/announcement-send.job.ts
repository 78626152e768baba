import { z } from 'zod';
import { SEND_JOB } from '../src/core/announcement/manage.js';
import { sendAnnouncement } from '../src/core/announcement/send.js';
import type { JobDefinition } from '../src/core/job.js';

/** Sends a confirmed announcement (now, or at its date: a delayed job under a deterministic id). */
export const announcementSendJob: JobDefinition<{ id: string }> = {
  name: SEND_JOB,
  schema: z.object({ id: z.string().min(1) }),
  run: (services, { id }) => sendAnnouncement(services, id),
};
