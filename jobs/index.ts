import type { JobDefinition } from '../src/core/job.js';
import { rosterSyncJob } from './roster-sync.job.js';

/** Every background job. Adding a job is one file plus one line here. */
export const jobDefinitions: readonly JobDefinition<never>[] = [rosterSyncJob as JobDefinition<never>];
