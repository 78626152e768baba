import { z } from 'zod';
import { UserError } from '../errors.js';
import type { MessageKey } from '../i18n/index.js';
import { calendarDaysBetween, isoWeekday } from '../time/days.js';
import { TimeSchema, weeklyAt } from '../time/time-of-day.js';
import { parseDay } from '../time/typed-days.js';
import { WeekdaySchema, weekdayNumber } from '../time/weekday.js';

/** Whether a `yyyy-MM-dd` is a day of the calendar (no 2026-02-31, no month 13): the standup's own date reading. */
function isRealDay(text: string): boolean {
  try {
    return parseDay(text, text, 'onOrAfter') === text;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

/**
 * A calendar day `yyyy-MM-dd` that exists: a day like 2026-02-31 would be saved, then make every-N-weeks
 * arithmetic throw (a RangeError) at each listing and each run of the ritual's job.
 */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date attendue au format AAAA-MM-JJ', abort: true })
  .refine(isRealDay, { error: (issue) => `date inexistante : ${String(issue.input)}` });

const EVERY_ERROR = 'every attendu : un nombre de semaines de 1 à 8';
const NTH_ERROR = 'nth attendu : 1, 2, 3, 4 ou -1 (le dernier du mois)';

/** Weekly on some days at a time; every `every` weeks counted from the week of `from` (required when every > 1). */
export const WeeklyScheduleSchema = z
  .strictObject({
    days: z.array(WeekdaySchema).min(1, { error: 'au moins un jour' }),
    time: TimeSchema,
    every: z.number({ error: EVERY_ERROR }).int({ error: EVERY_ERROR }).min(1).max(8).default(1),
    from: DaySchema.optional(),
  })
  .refine((s) => s.every === 1 || s.from !== undefined, {
    path: ['from'],
    error: 'from (AAAA-MM-JJ, une semaine où le rituel a lieu) requis avec every',
  });

/** The nth weekday of each month (`nth: -1`: the last one) at a time. */
export const MonthlyScheduleSchema = z.strictObject({
  nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], { error: NTH_ERROR }),
  day: WeekdaySchema,
  time: TimeSchema,
});

/** A five-field cron expression read in the ritual's timezone; checked by the loader (see `src/queue/cron.ts`). */
export const CronScheduleSchema = z.strictObject({ cron: z.string().trim().min(1) });

/** When a ritual happens: weekly (every N weeks), the nth weekday of the month, or cron. */
export const ScheduleSchema = z.union([WeeklyScheduleSchema, MonthlyScheduleSchema, CronScheduleSchema], {
  error: 'schedule attendu : { days, time [, every, from] }, { nth, day, time } ou { cron }',
});
export type Schedule = z.output<typeof ScheduleSchema>;

/** Next fire time of a cron pattern after `after`, read in `tz` (BullMQ's own parser); throws on a bad pattern. */
export type CronNext = (pattern: string, tz: string, after: Date) => Date | undefined;

/**
 * Why a cron pattern cannot schedule a ritual: unreadable as BullMQ reads it (the parser's words in `detail`), or
 * firing more than once a day (a ritual is weekly or monthly; a daily one is the most a channel should get).
 */
export type CronProblem = { kind: 'unreadable'; detail: string } | { kind: 'tooOften' };

/** The one check of a ritual's cron, for `community.yml` and for `/rituel ajouter` alike. */
export type CronCheck = (pattern: string) => CronProblem | undefined;

/** What to type instead, for each problem (the file's check says the same, in French). */
export const CRON_FIX = {
  unreadable: 'ritual.fix.cron',
  tooOften: 'ritual.fix.cronOften',
} as const satisfies Record<CronProblem['kind'], MessageKey>;

/**
 * The cron pattern the ritual's job scheduler fires on: exactly the schedule for weekly and cron; a superset for
 * every-N-weeks and nth-weekday (the weekday at the time), which {@link occursOn} then narrows.
 */
export function schedulerPattern(schedule: Schedule): string {
  if ('cron' in schedule) return schedule.cron;
  return weeklyAt(schedule.time, 'days' in schedule ? schedule.days : [schedule.day]);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const mondayOf = (date: string) => calendarDaysBetween('2000-01-03', date) - (isoWeekday(date) - 1);

/** Whether a non-cron schedule has an occurrence on a local calendar day (`yyyy-MM-dd`). */
export function occursOn(schedule: Exclude<Schedule, { cron: string }>, date: string): boolean {
  const weekday = isoWeekday(date);
  if ('days' in schedule) {
    if (!schedule.days.some((d) => weekdayNumber(d) === weekday)) return false;
    if (schedule.every === 1 || !schedule.from) return true;
    const weeks = (mondayOf(date) - mondayOf(schedule.from)) / 7;
    return weeks >= 0 && weeks % schedule.every === 0;
  }
  if (weekdayNumber(schedule.day) !== weekday) return false;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return schedule.nth === -1 ? day + 7 > daysInMonth(year, month) : Math.ceil(day / 7) === schedule.nth;
}
