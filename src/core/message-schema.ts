import { z } from 'zod';
import type { Block, Button, Inline, Message } from './message.js';

const InlineSchema: z.ZodType<Inline> = z.union([
  z.object({ kind: z.enum(['plain', 'bold', 'italic', 'code']), text: z.string() }),
  z.object({ kind: z.literal('link'), url: z.string(), text: z.string() }),
]);
const RichSchema = z.array(InlineSchema);
const ButtonSchema: z.ZodType<Button> = z.object({
  actionId: z.string(),
  label: RichSchema,
  value: z.string(),
  style: z.enum(['primary', 'danger']).optional(),
});
const BlockSchema: z.ZodType<Block> = z.union([
  z.object({ kind: z.enum(['header', 'context']), text: RichSchema }),
  z.object({ kind: z.literal('section'), text: RichSchema, fields: z.array(RichSchema).optional() }),
  z.object({ kind: z.literal('actions'), buttons: z.array(ButtonSchema), poll: RichSchema.optional() }),
  z.object({ kind: z.literal('code'), text: z.string() }),
  z.object({ kind: z.literal('divider') }),
]);

/** Parses a message that went through Redis (job data): the model is ours, so the schema is strict. */
export const MessageSchema: z.ZodType<Message> = z.object({
  fallback: RichSchema,
  blocks: z.array(BlockSchema),
});
