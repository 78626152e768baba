import { z } from 'zod';
import { MessageSchema } from './message-schema.js';
import type { Delivery, DeliveryUpdate } from './ports.js';

const TargetSchema = z.union([
  z.object({ kind: z.literal('channel'), channel: z.string().min(1) }),
  z.object({ kind: z.literal('person'), email: z.string().min(3) }),
  z.object({ kind: z.literal('group'), emails: z.array(z.string().min(3)).min(2).max(8) }),
]);

/** Parses an outbox job's data. */
export const DeliverySchema: z.ZodType<Delivery> = z.object({
  key: z.string().min(1),
  to: TargetSchema,
  message: MessageSchema,
  file: z.object({ name: z.string(), content: z.string() }).optional(),
  replyTo: z.string().optional(),
  // A Date in the job's data comes back from Redis as its ISO string.
  keepUntil: z.coerce.date().optional(),
});

/** Parses an outbox update job's data. */
export const DeliveryUpdateSchema: z.ZodType<DeliveryUpdate> = z.object({
  key: z.string().min(1),
  to: TargetSchema,
  message: MessageSchema,
  version: z.number().int().nonnegative(),
  keepUntil: z.coerce.date().optional(),
});
