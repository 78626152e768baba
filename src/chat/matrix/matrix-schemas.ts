import { z } from 'zod';

/** A record the adapter keeps in its chat state (JSON), when there is one that reads as `schema`. */
export function recordOf<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  const parsed = raw ? schema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** A room event as `/sync` delivers it (ClientEventWithoutRoomID), kept loose: only what the bot reads is checked. */
export const MatrixEventSchema = z.looseObject({
  type: z.string(),
  event_id: z.string().optional(),
  sender: z.string().optional(),
  state_key: z.string().optional(),
  content: z.record(z.string(), z.unknown()).default({}),
});
export type MatrixEvent = z.infer<typeof MatrixEventSchema>;

const EventsSchema = z.looseObject({ events: z.array(MatrixEventSchema).default([]) });

/** A room's timeline in `/sync`: `limited` when events before it were left out, `prev_batch` where they end. */
const TimelineSchema = EventsSchema.extend({
  limited: z.boolean().optional(),
  prev_batch: z.string().optional(),
});

/** A page of `/rooms/{roomId}/messages`: its events (newest first with `dir=b`), `end` when more are left. */
export const MessagesSchema = z.looseObject({
  chunk: z.array(MatrixEventSchema).default([]),
  end: z.string().optional(),
});

/** The `/sync` answer: the next position, the joined rooms' timelines, the invites and the account data. */
export const SyncSchema = z.looseObject({
  next_batch: z.string(),
  rooms: z
    .looseObject({
      join: z.record(z.string(), z.looseObject({ timeline: TimelineSchema.optional() })).default({}),
      invite: z.record(z.string(), z.looseObject({ invite_state: EventsSchema.optional() })).default({}),
    })
    .optional(),
  account_data: EventsSchema.optional(),
});

/** `m.direct`: user id → the ids of the DM rooms with them. */
export const DirectSchema = z.record(z.string(), z.array(z.string()));

export const EventIdSchema = z.looseObject({ event_id: z.string().min(1) });
export const RoomIdSchema = z.looseObject({ room_id: z.string().min(1) });
export const WhoamiSchema = z.looseObject({ user_id: z.string().min(1) });
export const ContentUriSchema = z.looseObject({ content_uri: z.string().min(1) });

/** The id of the event a reaction, reply or thread points to, and the relation's type. */
export const RelatesToSchema = z.looseObject({
  rel_type: z.string().optional(),
  event_id: z.string().optional(),
  key: z.string().optional(),
});
