import type { JobDefinition } from '../src/core/job.js';
import { announcementProgressJob } from './announcement-progress.job.js';
import { announcementSendJob } from './announcement-send.job.js';
import { bulleFollowUpJob } from './bulle-followup.job.js';
import { bulleRoundJob } from './bulle-round.job.js';
import { bulleTimeoutJob } from './bulle-timeout.job.js';
import { ritualJob } from './ritual.job.js';
import { rosterSyncJob } from './roster-sync.job.js';
import { sessionPlanJob } from './session-plan.job.js';
import { sessionReminderJob } from './session-reminder.job.js';
import { standupDigestJob } from './standup-digest.job.js';
import { standupReminderJob } from './standup-reminder.job.js';

/** Every background job. Adding a job is one file plus one line here. */
export const jobDefinitions: readonly JobDefinition<never>[] = [
  rosterSyncJob,
  standupReminderJob,
  standupDigestJob,
  ritualJob,
  sessionPlanJob,
  sessionReminderJob,
  bulleRoundJob,
  bulleTimeoutJob,
  bulleFollowUpJob,
  announcementSendJob,
  announcementProgressJob,
] as JobDefinition<never>[];
