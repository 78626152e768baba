import type { JobDefinition } from '../src/core/job.js';
import { rosterSyncJob } from './roster-sync.job.js';
import { standupDigestJob } from './standup-digest.job.js';
import { standupReminderJob } from './standup-reminder.job.js';

/** Every background job. Adding a job is one file plus one line here. */
export const jobDefinitions: readonly JobDefinition<never>[] = [
  rosterSyncJob,
  standupReminderJob,
  standupDigestJob,
] as JobDefinition<never>[];
