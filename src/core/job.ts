import type { z } from 'zod';
import type { Services } from './ports.js';

/** A recurring run: a cron pattern read in `tz` (the community's timezone when absent). */
export interface JobSchedule {
  pattern: string;
  tz?: string;
}

/** One background job, in one file of `jobs/`. Its effect must be idempotent: jobs run at least once. */
export interface JobDefinition<Data = unknown> {
  name: string;
  schema: z.ZodType<Data>;
  /** Stable scheduler id → schedule; upserted at boot. */
  schedule?: JobSchedule;
  /** Returns a one-line summary for the log and the shell. */
  run(services: Services, data: Data): Promise<string>;
}
