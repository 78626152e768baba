import { z } from 'zod';
import { ROLES } from '../roster/types.js';

/** Where an announcement goes: the audience's channels, a DM to every person in it, or both. */
export const DELIVERY_MODES = ['channels', 'dms', 'both'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Who an announcement is for: the union of everything listed (a person in two parts gets one copy). */
export const AudienceSchema = z.object({
  everyone: z.boolean(),
  promotions: z.array(z.string()),
  roles: z.array(z.enum(ROLES)),
  defis: z.array(z.string()),
});
export type Audience = z.infer<typeof AudienceSchema>;

/** Where an announcement stands. `draft`: previewed, not confirmed. */
const ANNOUNCEMENT_STATES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;

/** An announcement as stored: its text is the author's Markdown, `version` counts confirmed edits. */
export const AnnouncementSchema = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  audience: AudienceSchema,
  /** The audience as the author typed it, shown back in lists and previews. */
  audienceText: z.string(),
  mode: z.enum(DELIVERY_MODES),
  /** When it goes out (ISO); absent: as soon as it is confirmed. */
  at: z.string().optional(),
  createdAt: z.string(),
  state: z.enum(ANNOUNCEMENT_STATES),
  version: z.number().int().nonnegative(),
  /** An edit previewed but not confirmed yet. */
  pendingText: z.string().optional(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** One recipient: a person's DM (by e-mail) or a channel. */
export type Recipient = `person:${string}` | `channel:${string}`;

// Delivery keys and job ids keep the older `announce` spelling: they are stored in Redis (outbox markers, BullMQ
// jobs), and a new spelling would send again what was already sent before a deploy.

/** The outbox delivery key of one copy of an announcement. */
export const copyKey = (id: string, recipient: string): string => `announce:${id}:${recipient}`;

/** The outbox delivery key of the status message sent to the author. */
export const progressKey = (id: string): string => `announce:${id}:progress`;

/** The id of the job that sends an announcement (deterministic: confirming twice schedules it once). */
export const sendJobId = (id: string): string => `announce-send:${id}`;
