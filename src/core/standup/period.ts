import { addCalendarDays, calendarDaysBetween, isoWeekday, isWorkingDay } from '../time/days.js';
import { localDate, localInstant } from '../time/local.js';
import { weekdayNumber } from '../time/weekday.js';
import type { StandupRitual } from './ritual.js';

/**
 * The stand-up periods of a ritual: which days a period covers, and the instants at which it opens, reminds, closes
 * and is summed up. Calendar days are `yyyy-MM-dd` strings; local times are read in an IANA timezone, so an instant
 * is right on both sides of a daylight-saving change.
 */

/** One stand-up period and its schedule. */
export interface Period {
  /** `2026-W48` (ISO week of the period's first week) for weekly cadences, the day `2026-11-23` for daily ones. */
  id: string;
  /** First calendar day of the period, `yyyy-MM-dd`. */
  start: string;
  /** Last calendar day of the period, `yyyy-MM-dd`. */
  end: string;
  opensAt: Date;
  /** On the effective deadline day: a working day, the configured one or the closest earlier one. */
  deadlineAt: Date;
  /** Sorted, without duplicates, each after `opensAt` and before `deadlineAt`, on the deadline day. */
  remindersAt: Date[];
  /** On the deadline day, not before `deadlineAt`. */
  digestAt: Date;
  /** The configured deadline day, `yyyy-MM-dd`, when a holiday or a weekend moved the deadline earlier. */
  movedFrom?: string;
}

/** A promotion's calendar dates, inclusive, `yyyy-MM-dd`. */
export interface PromotionDates {
  start: string;
  end: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The ISO week of a calendar day, as `2026-W48`: the week-year is the one of the week's Thursday. */
export function isoWeekId(date: string): string {
  const thursday = addCalendarDays(date, 4 - isoWeekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(calendarDaysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

interface Span {
  id: string;
  start: string;
  end: string;
  openDay: string;
  deadlineDay: string;
}

/** The days of the period containing `date`, whether or not it has a stand-up. */
function spanOn(ritual: StandupRitual, promotion: PromotionDates, date: string): Span {
  if (ritual.cadence === 'daily')
    return { id: date, start: date, end: date, openDay: date, deadlineDay: date };
  const weeks = ritual.cadence === 'weekly' ? 1 : ritual.cadence.weeks;
  const monday = addCalendarDays(date, 1 - isoWeekday(date));
  const anchor = addCalendarDays(promotion.start, 1 - isoWeekday(promotion.start));
  const block = Math.floor(calendarDaysBetween(anchor, monday) / 7 / weeks);
  const start = addCalendarDays(anchor, block * weeks * 7);
  return {
    id: isoWeekId(start),
    start,
    end: addCalendarDays(start, weeks * 7 - 1),
    openDay: addCalendarDays(start, weekdayNumber(ritual.opens.day) - 1),
    deadlineDay: addCalendarDays(start, (weeks - 1) * 7 + weekdayNumber(ritual.deadline.day) - 1),
  };
}

function periodOfSpan(
  ritual: StandupRitual,
  promotion: PromotionDates,
  span: Span,
  timezone: string,
): Period | undefined {
  if (span.end < promotion.start || span.start > promotion.end) return undefined;
  let deadlineDay = span.deadlineDay;
  while (!isWorkingDay(deadlineDay)) {
    // Never before the opening: a period whose days are all off has no stand-up.
    if (deadlineDay <= span.openDay) return undefined;
    deadlineDay = addCalendarDays(deadlineDay, -1);
  }
  if (deadlineDay < promotion.start || deadlineDay > promotion.end) return undefined;
  const opensAt = localInstant(span.openDay, ritual.opens.time, timezone);
  const deadlineAt = localInstant(deadlineDay, ritual.deadline.time, timezone);
  // A deadline moved back onto the opening day can end up before the opening time.
  if (deadlineAt.getTime() <= opensAt.getTime()) return undefined;
  const remindersAt = [...new Set(ritual.reminders)]
    .sort()
    .filter((time) => time < ritual.deadline.time)
    .map((time) => localInstant(deadlineDay, time, timezone))
    .filter((at) => at.getTime() > opensAt.getTime());
  return {
    id: span.id,
    start: span.start,
    end: span.end,
    opensAt,
    deadlineAt,
    remindersAt,
    digestAt: localInstant(deadlineDay, ritual.digest, timezone),
    ...(deadlineDay === span.deadlineDay ? {} : { movedFrom: span.deadlineDay }),
  };
}

/**
 * The period containing the calendar day `date` (`yyyy-MM-dd`), or undefined when it has no stand-up: the period is
 * entirely outside the promotion, its deadline day is off (holiday or weekend) down to the opening day, or the
 * effective deadline day falls outside the promotion.
 */
export function periodOn(
  ritual: StandupRitual,
  promotion: PromotionDates,
  date: string,
  timezone: string,
): Period | undefined {
  return periodOfSpan(ritual, promotion, spanOn(ritual, promotion, date), timezone);
}

/**
 * The period containing `now`'s calendar day in `timezone`, or undefined when it has no stand-up (see
 * {@link periodOn}). Weekly periods run Monday to Sunday; every-N-weeks ones are blocks of N weeks from the Monday of
 * the promotion's first week; daily ones are single working days.
 */
export function periodAt(
  ritual: StandupRitual,
  promotion: PromotionDates,
  now: Date,
  timezone: string,
): Period | undefined {
  return periodOn(ritual, promotion, localDate(now, timezone), timezone);
}
