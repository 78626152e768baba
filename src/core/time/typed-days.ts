import { UserError } from '../errors.js';
import { addCalendarDays, calendarDaysBetween } from './days.js';

/**
 * Dates typed in commands: `JJ/MM`, `JJ/MM/AAAA` or `AAAA-MM-JJ`, read as calendar days (`yyyy-MM-dd`) of the
 * community's timezone. The caller gives "today" already in that timezone.
 */

const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** How far `JJ/MM` looks for its year: 29/02 exists at least once in 8 years. */
const YEARS_SEARCHED = 8;

const pad = (value: number): string => String(value).padStart(2, '0');
/** How far ahead the examples of errors are: a week, always to come and easy to recognise. */
const EXAMPLE_DAYS = 7;

/** A calendar day (`yyyy-MM-dd`) written as people type it in full: `07/12/2026`. */
export const typedDate = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The day shown as an example in errors: a week after `today` (before it with `-1`), written `JJ/MM/AAAA`. */
export const exampleDay = (today: string, direction: 1 | -1 = 1): string =>
  typedDate(addCalendarDays(today, direction * EXAMPLE_DAYS));

/** The `yyyy-MM-dd` of a day when it exists in the calendar (no 31/04, 29/02 only in leap years). */
function realDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** Whether a word is a day and month without a year: `07/12`. */
export const isDayMonth = (word: string): boolean => DAY_MONTH.test(word);

/** Whether a word is meant as a date (digits and date separators), so it is not read as a name or an id. */
export const looksLikeDay = (word: string): boolean => /^\d[\d/.-]*$/.test(word);

/**
 * The calendar day a person typed. A full date is taken as is; `JJ/MM` is the first such day on or after `anchor`
 * (`onOrAfter`) or the last one on or before it (`onOrBefore`). Throws a UserError `standup.badDate` when the
 * word is not in one of the three forms, `standup.noSuchDate` when it is but no such day exists (31/02).
 */
export function parseDay(word: string, anchor: string, direction: 'onOrAfter' | 'onOrBefore'): string {
  const full = DAY_MONTH_YEAR.exec(word) ?? ISO_DAY.exec(word);
  if (full) {
    const [a, b, c] = full.slice(1).map(Number) as [number, number, number];
    const day = ISO_DAY.test(word) ? realDay(a, b, c) : realDay(c, b, a);
    if (!day) throw new UserError('standup.noSuchDate', { date: word });
    return day;
  }
  const short = DAY_MONTH.exec(word);
  if (!short) throw new UserError('standup.badDate', { date: word, example: exampleDay(anchor) });
  const [day, month] = short.slice(1).map(Number) as [number, number];
  const year = Number(anchor.slice(0, 4));
  const step = direction === 'onOrAfter' ? 1 : -1;
  for (let i = 0; i <= YEARS_SEARCHED; i++) {
    const found = realDay(year + i * step, month, day);
    if (found && (direction === 'onOrAfter' ? found >= anchor : found <= anchor)) return found;
  }
  throw new UserError('standup.noSuchDate', { date: word });
}

/** A day-month typed less than this many days after it went by means that past day. */
const RECENT_PAST_DAYS = 31;

/** Words people put around the dates: `du 21/12 au 03/01`, `from … to …`, `21/12 - 03/01`. */
const FILLERS = new Set(['du', 'au', 'from', 'to', 'until', '-', '–', '→']);

/** The words of a command's arguments, without the fillers people put around dates (`du … au …`). */
export const argumentWords = (args: string): string[] =>
  args.split(/\s+/).filter((w) => w && !FILLERS.has(w.toLowerCase()));

/**
 * The day a `JJ/MM` means when it went by less than a month before `today` (people mean that day, in the past, not
 * the same day next year); undefined for any other word or day.
 */
export function recentPastDay(word: string, today: string): string | undefined {
  const recent = isDayMonth(word) ? parseDay(word, today, 'onOrBefore') : undefined;
  return recent && recent < today && calendarDaysBetween(recent, today) <= RECENT_PAST_DAYS
    ? recent
    : undefined;
}
