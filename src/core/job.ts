import { z } from 'zod';
import type { Services } from './ports.js';
import type { CommunityData } from './roster/types.js';

/** One recurring run of a job: a stable scheduler id, a cron pattern read in `tz` (default: the community's). */
export interface ScheduledRun {
  id: string;
  pattern: string;
  tz?: string;
  data: Record<string, unknown>;
}

/** What every job's data may carry: `manual` is set when someone runs it by hand (the shell's `:run`). */
export const JobDataSchema = z.object({ manual: z.boolean().optional() });

/** One background job, in one file of `jobs/`. Its effect must be idempotent: jobs run at least once. */
export interface JobDefinition<Data = unknown> {
  name: string;
  schema: z.ZodType<Data>;
  /** Its recurring runs for this community, upserted at boot under their stable ids. */
  schedules?: (community: CommunityData) => ScheduledRun[];
  /** Returns a one-line summary for the log and the shell. */
  run(services: Services, data: Data): Promise<string>;
}
