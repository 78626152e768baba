import { z } from 'zod';
import { MonthlyScheduleSchema, occursOn } from '../ritual/schedule.js';
import type { Roster } from '../roster/roster.js';
import type { Person, RoleGrant } from '../roster/types.js';
import { addCalendarDays } from '../time/days.js';
import { localDate } from '../time/local.js';
import { TimeSchema } from '../time/time-of-day.js';

const TextSchema = z.string().trim().min(1);

/** Who a session is for: EIG of some promotions, their mentors, alumni. Coordinators are always in. */
export const AudienceSchema = z.strictObject({
  promotions: z.array(TextSchema).default([]),
  mentors: z.boolean().default(false),
  alumni: z.boolean().default(false),
});
export type Audience = z.output<typeof AudienceSchema>;

/** When the reminders of a session go out, local times: D-7, D-1, the morning post, the feedback the day after. */
const SessionTimesSchema = z
  .strictObject({
    d7: TimeSchema.default('10:00'),
    d1: TimeSchema.default('10:00'),
    morning: TimeSchema.default('08:30'),
    feedback: TimeSchema.default('10:00'),
  })
  .default({ d7: '10:00', d1: '10:00', morning: '08:30', feedback: '10:00' });

const DETAILS = {
  title: TextSchema.max(150),
  start: TimeSchema,
  end: TimeSchema,
  place: TextSchema.max(200),
  address: z.string().trim().max(300).default(''),
  agenda: z.string().trim().max(2000).default(''),
  capacity: z.number().int().min(1).max(10_000).optional(),
  audience: AudienceSchema.default({ promotions: [], mentors: false, alumni: false }),
  times: SessionTimesSchema,
};
const endsAfterStart: [(s: { start: string; end: string }) => boolean, { path: string[]; error: string }] = [
  (s) => s.start < s.end,
  { path: ['end'], error: 'la fin doit suivre le début' },
];

/** What defines a session, whether typed in `/session nouvelle` or produced by a rule of `community.yml`. */
export const SessionDetailsSchema = z.strictObject(DETAILS).refine(...endsAfterStart);
export type SessionDetails = z.output<typeof SessionDetailsSchema>;

/**
 * A `sessions:` entry of `community.yml`: a recurring rule (`schedule: { nth, day }`, e.g. the first Thursday)
 * with the details of each session, and how many upcoming months it creates ahead (`ahead`, default 2).
 */
export const SessionRuleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: 'identifiant attendu : lettres, chiffres, - et _' }),
    schedule: MonthlyScheduleSchema.omit({ time: true }),
    ahead: z.number().int().min(1).max(12).default(2),
    ...DETAILS,
  })
  .refine(...endsAfterStart);
export type SessionRule = z.output<typeof SessionRuleSchema>;

/** A session as stored: its details, its day, and its calendar state (SEQUENCE, cancelled). */
export interface Session extends SessionDetails {
  id: string;
  /** Its local day, `yyyy-MM-dd`, in `timezone`. */
  date: string;
  timezone: string;
  /** The rule that made it, or undefined when made in chat. */
  rule?: string | undefined;
  /** Raised on every change: calendars replace the event they have by the one with the higher sequence. */
  sequence: number;
  cancelled: boolean;
  createdAt: string;
}

/** The days a rule has sessions on from `from` (inclusive) over its months ahead, in order. */
export function ruleDays(rule: SessionRule, from: string): string[] {
  const days: string[] = [];
  const until = addCalendarDays(from, rule.ahead * 31);
  for (let day = from; day <= until; day = addCalendarDays(day, 1)) {
    if (occursOn({ ...rule.schedule, time: rule.start }, day)) days.push(day);
  }
  return days.slice(0, rule.ahead);
}

/**
 * Whether someone is in a session's audience: coordinators always; the EIG of a listed promotion still running;
 * with `mentors`, the mentors of its défis; with `alumni`, every alumna and alumnus (listed in the file, of a
 * finished promotion, or given the role in chat). The one rule for who is reminded and who may answer.
 */
export function inAudience(person: Person, audience: Audience): boolean {
  if (person.roles.includes('coordinator')) return true;
  if (audience.alumni && person.roles.includes('alumni')) return true;
  return person.memberships.some(
    (m) => audience.promotions.includes(m.promotion.id) && (m.role === 'eig' || audience.mentors),
  );
}

/** The e-mails a session is for at `now`: everyone in the file or given a role in chat, by {@link inAudience}. */
export function audienceOf(
  roster: Roster,
  granted: ReadonlyMap<string, RoleGrant[]>,
  audience: Audience,
  now: Date,
): string[] {
  const emails = new Set([...roster.emails(), ...granted.keys()]);
  return [...emails].filter((email) =>
    inAudience(roster.person(email, granted.get(email) ?? [], now), audience),
  );
}

/** Whether the session's day has gone by at `now`, in its own timezone (the day itself is not past). */
export const isPastSession = (session: Session, now: Date): boolean =>
  session.date < localDate(now, session.timezone);
