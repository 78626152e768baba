import { z } from 'zod';
import { FOLLOWUP_JOB } from '../src/core/bulle/lifecycle.js';
import { followUp } from '../src/core/bulle/pairing.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';

const DataSchema = JobDataSchema.extend({ requestId: z.string() });

/** 14 days after an introduction (a delayed job): « Avez-vous pu échanger ? » to the requester. */
export const bulleFollowUpJob: JobDefinition<z.infer<typeof DataSchema>> = {
  name: FOLLOWUP_JOB,
  schema: DataSchema,
  run: (services, { requestId }) => followUp(services, requestId),
};
