import { UserError } from '../errors.js';
import { addCalendarDays, calendarDaysBetween } from '../time/days.js';
import { argumentWords, isDayMonth, parseDay, recentPastDay } from '../time/typed-days.js';
import type { Absence } from './store.js';

/** Longest absence, in days between its first and last day: one year, a leap one included. */
const MAX_ABSENCE_SPAN = 365;
/** An end day-month before the start is read as next year only for an absence this short (the holidays). */
const YEAR_CROSSING_DAYS = 62;

/** A calendar day as people type it for the next such day: `07/12`. */
const typedDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/**
 * The absence of `/standup absent <du> [au]` (one date: that day only). `JJ/MM` is the next such day from `today`.
 * Throws a UserError saying what to type instead when there are no or too many dates, a date is not one, the
 * absence starts in the past, ends before it starts, or lasts more than a year. `show` writes a day for messages.
 */
export function parseAbsence(args: string, today: string, show: (day: string) => string): Absence {
  const words = argumentWords(args);
  if (words.length === 0 || words.length > 2) throw new UserError('standup.absentUsage');
  const [first = '', second = first] = words;
  const recent = recentPastDay(first, today);
  if (recent) throw new UserError('standup.absentPast', { date: show(recent), today: typedDay(today) });
  const from = parseDay(first, today, 'onOrAfter');
  // The end is read from the start: `21/12 03/01` crosses the new year, but `27/11 23/11` is two dates swapped.
  const to = parseDay(second, from, 'onOrAfter');
  const sameYear = isDayMonth(second) ? parseDay(second, from, 'onOrBefore') : to;
  if (sameYear < from && calendarDaysBetween(from, to) > YEAR_CROSSING_DAYS) {
    throw new UserError('standup.datesBackwards', { from: show(from), to: show(sameYear) });
  }
  if (from < today) throw new UserError('standup.absentPast', { date: show(from), today: typedDay(today) });
  if (to < from) throw new UserError('standup.datesBackwards', { from: show(from), to: show(to) });
  if (calendarDaysBetween(from, to) > MAX_ABSENCE_SPAN)
    throw new UserError('standup.absentTooLong', { from: show(from), to: show(to) });
  return { from, to };
}

/**
 * Ends a person's absences on `today` (`/standup present`): those still to come are dropped, the one under way now
 * stops the day before, past ones stay (the digests of those weeks listed the person as away). Returns the absences
 * to keep and, for the reply, the stretches of days given back.
 */
export function endAbsences(
  absences: readonly Absence[],
  today: string,
): { kept: Absence[]; ended: Absence[] } {
  const kept: Absence[] = [];
  const ended: Absence[] = [];
  for (const absence of absences) {
    if (absence.to < today) kept.push(absence);
    else {
      if (absence.from < today) kept.push({ from: absence.from, to: addCalendarDays(today, -1) });
      ended.push({ from: absence.from < today ? today : absence.from, to: absence.to });
    }
  }
  return { kept, ended };
}
