import { z } from 'zod';
import { DaySchema, ScheduleSchema } from './schedule.js';

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: 'identifiant attendu : lettres, chiffres, - et _ (ex. cafe)' });

/**
 * A recurring message in a channel (`rituals:` entries of `kind: reminder`, or made in chat with `/rituel ajouter`).
 * `channel` defaults to the community channel, `timezone` to the community's; `start`/`end` bound the active days
 * (inclusive); public holidays are skipped unless `skipHolidays: false`.
 */
export const ReminderRitualSchema = z
  .strictObject({
    id: SlugSchema,
    kind: z.literal('reminder', { error: 'kind: reminder attendu' }),
    channel: z.string().trim().min(1).optional(),
    message: z
      .string()
      .trim()
      .min(1, { error: 'message vide' })
      .max(3000, { error: '3000 caractères au plus' }),
    schedule: ScheduleSchema,
    timezone: z.string().optional(),
    start: DaySchema.optional(),
    end: DaySchema.optional(),
    skipHolidays: z.boolean().default(true),
  })
  .refine((r) => !r.start || !r.end || r.start <= r.end, { path: ['end'], error: 'la fin précède le début' });

/** A parsed reminder ritual. */
export type ReminderRitual = z.output<typeof ReminderRitualSchema>;

/** Where a ritual comes from: `community.yml` (changed in the file) or chat (changed with `/rituel`). */
export type RitualSource = 'file' | 'chat';

/** What chat changes about any ritual: paused, and occurrences skipped (ISO instants). */
export interface RitualState {
  paused: boolean;
  skipped: string[];
}

/** The state of a ritual nobody touched. */
export const FRESH_STATE: RitualState = Object.freeze({ paused: false, skipped: [] }) as RitualState;

/** The stable id of a ritual's job scheduler: the same ritual always has the one scheduler. */
export const ritualSchedulerId = (ritualId: string): string => `ritual:${ritualId}`;

/** The ritual id of a ritual's scheduler id (the reverse of {@link ritualSchedulerId}). */
export const ritualIdOf = (schedulerId: string): string => schedulerId.slice(ritualSchedulerId('').length);

/** Rituals and their chat-side state in Redis. Chat rituals live here; the file's stay in the file. */
export interface RitualStore {
  chatRituals(): Promise<ReminderRitual[]>;
  /** One chat ritual by id, read alone (a ritual job reads its own, not every one); undefined when there is none. */
  chatRitual(id: string): Promise<ReminderRitual | undefined>;
  /** Creates or replaces a chat ritual; true when it is new. */
  saveChat(ritual: ReminderRitual): Promise<boolean>;
  /** Removes a chat ritual and its state; false when there was none. */
  deleteChat(id: string): Promise<boolean>;
  states(ids: readonly string[]): Promise<Map<string, RitualState>>;
  setPaused(id: string, paused: boolean): Promise<void>;
  /** Skips one occurrence (its ISO instant). */
  skip(id: string, occurrence: string): Promise<void>;
  /** Posts a skipped occurrence again (its ISO instant); false when it was not skipped. */
  unskip(id: string, occurrence: string): Promise<boolean>;
}

/** The job that posts a reminder ritual's message. */
export const RITUAL_JOB = 'ritual';
