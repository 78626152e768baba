import { z } from 'zod';
import { type Weekday, weekdayNumber } from './weekday.js';

/** Local times of day `HH:MM` as `community.yml` writes them, and the cron patterns that fire at them. */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeFormat = (input: unknown): string =>
  `heure attendue au format HH:MM (ex. 09:30)${input === undefined ? '' : ` : ${String(input)}`}`;

/**
 * A local time of day `HH:MM`, 24-hour clock, two digits each. Refuses 01:00–02:59: those hours do not exist or
 * happen twice on the daylight-saving Sundays, and schedulers have had bugs there.
 */
export const TimeSchema = z
  .string({ error: (iss) => timeFormat(iss.input) })
  .regex(TIME, { error: (iss) => timeFormat(iss.input) })
  .refine((time) => time < '01:00' || time > '02:59', {
    error: 'évitez 01:00–02:59, heures du changement d’heure',
  });

const hoursMinutes = (time: string) => time.split(':').map(Number) as [number, number];

/** The cron pattern of every day at `HH:MM` (read in the scheduler's timezone). */
export function dailyAt(time: string): string {
  const [hours = 0, minutes = 0] = hoursMinutes(time);
  return `${minutes} ${hours} * * *`;
}

/** Cron counts Sunday as 0; ISO numbers it 7. */
const cronDay = (day: Weekday): number => weekdayNumber(day) % 7;

/** The cron pattern of `HH:MM` on each of `days` (read in the scheduler's timezone), days sorted and unique. */
export function weeklyAt(time: string, days: readonly Weekday[]): string {
  const [hours = 0, minutes = 0] = hoursMinutes(time);
  return `${minutes} ${hours} * * ${[...new Set(days.map(cronDay))].sort().join(',')}`;
}
