import type { Locale, Translate } from '../i18n/index.js';
import type { Rich } from '../message.js';
import { addCalendarDays, isoWeekday } from '../time/days.js';
import { formatDay } from '../time/format.js';
import { type Period, type PromotionDates, periodOn } from './period.js';
import type { StandupRitual } from './ritual.js';

/**
 * The stand-up periods of a ritual that touch the calendar days `from`–`to` (inclusive, `yyyy-MM-dd`), oldest first,
 * each once, only those with a stand-up (see `periodOn`). A period starting before `from` or ending after `to` is
 * included when one of its days is in the range.
 */
export function periodsBetween(
  ritual: StandupRitual,
  promotion: PromotionDates,
  from: string,
  to: string,
  timezone: string,
): Period[] {
  const periods: Period[] = [];
  const last = to < promotion.end ? to : promotion.end;
  let day = from > promotion.start ? from : promotion.start;
  while (day <= last) {
    const period = periodOn(ritual, promotion, day, timezone);
    if (period && periods.at(-1)?.id !== period.id) periods.push(period);
    // A period jumps to its end; a day without one (weekend of a daily ritual, holiday week) moves by one day.
    day = addCalendarDays(period && period.end > day ? period.end : day, 1);
  }
  return periods;
}

/**
 * The first and last calendar days of a period from its id alone (`2026-W48`, or `2026-11-23` for daily rituals),
 * for periods read back from a person's history. Undefined when the id is neither.
 */
export function periodDaysOf(ritual: StandupRitual, id: string): { start: string; end: string } | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(id)) return { start: id, end: id };
  const week = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!week) return undefined;
  // ISO week 1 is the one holding 4 January.
  const january4 = `${week[1]}-01-04`;
  const start = addCalendarDays(january4, 1 - isoWeekday(january4) + (Number(week[2]) - 1) * 7);
  const weeks = typeof ritual.cadence === 'object' ? ritual.cadence.weeks : 1;
  return { start, end: addCalendarDays(start, weeks * 7 - 1) };
}

/** How a period is named above its answers: « Semaine du lundi 16 novembre 2026 », a day, or two dates. */
export function periodHeading(
  ritual: StandupRitual,
  days: { start: string; end: string },
  timezone: string,
  locale: Locale,
  t: Translate,
): Rich {
  const date = formatDay(days.start, timezone, locale);
  if (ritual.cadence === 'daily') return t('standup.historyDay', { date });
  if (ritual.cadence === 'weekly' || ritual.cadence.weeks === 1) return t('standup.historyWeek', { date });
  return t('standup.historyWeeks', { from: date, to: formatDay(days.end, timezone, locale) });
}
