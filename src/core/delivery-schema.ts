import { z } from 'zod';
import { MessageSchema } from './message-schema.js';
import type { Delivery } from './ports.js';

/** Parses an outbox job's data. */
export const DeliverySchema: z.ZodType<Delivery> = z.object({
  key: z.string().min(1),
  to: z.union([
    z.object({ kind: z.literal('channel'), channel: z.string().min(1) }),
    z.object({ kind: z.literal('person'), email: z.string().min(3) }),
  ]),
  message: MessageSchema,
  file: z.object({ name: z.string(), content: z.string() }).optional(),
  replyTo: z.string().optional(),
});
