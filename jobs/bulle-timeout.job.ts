import { z } from 'zod';
import { expire, TIMEOUT_JOB } from '../src/core/bulle/lifecycle.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';

const DataSchema = JobDataSchema.extend({ requestId: z.string(), attempt: z.number().int().min(1) });

/** 72 hours after a proposal (a delayed job): no answer means the next candidate is asked. */
export const bulleTimeoutJob: JobDefinition<z.infer<typeof DataSchema>> = {
  name: TIMEOUT_JOB,
  schema: DataSchema,
  run: (services, { requestId, attempt }) => expire(services, requestId, attempt),
};
