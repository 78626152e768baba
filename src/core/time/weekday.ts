import { z } from 'zod';

/** Days of the week as `community.yml` and commands name them, in English or French. */

/** The days of the week, Monday first, as stored after parsing. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
/** A day of the week, always in its English lower-case name once parsed. */
export type Weekday = (typeof WEEKDAYS)[number];

const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const DAY_NAMES = new Map<string, Weekday>(
  WEEKDAYS.flatMap((day, i) => [
    [day, day],
    [FRENCH_DAYS[i] ?? day, day],
  ]),
);
const DAY_ERROR = 'jour attendu : lundi … dimanche (ou monday … sunday)';

/** A day name in English or French, any case (`Vendredi`, `friday`), parsed to its {@link Weekday}. */
export const WeekdaySchema = z.string({ error: DAY_ERROR }).transform((value, ctx): Weekday => {
  const day = DAY_NAMES.get(value.trim().toLowerCase());
  if (day) return day;
  ctx.addIssue({ code: 'custom', message: `${DAY_ERROR} : ${value}`, input: value });
  return z.NEVER;
});

/** The ISO number of a weekday: 1 for Monday … 7 for Sunday. */
export const weekdayNumber = (day: Weekday): number => WEEKDAYS.indexOf(day) + 1;
