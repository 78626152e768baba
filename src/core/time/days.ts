/**
 * Calendar days and the French public holidays, as data computed from the year.
 *
 * Every date here is a calendar string `yyyy-MM-dd`: a day, not an instant, so no timezone can shift it. Arithmetic
 * goes through UTC midnights, where every day lasts exactly 24 hours.
 */

/** A national public holiday of metropolitan France. */
export interface Holiday {
  /** The day, `yyyy-MM-dd`. */
  date: string;
  /** Its French name, e.g. « Lundi de Pentecôte ». */
  name: string;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const parsed = new Date(ms);
    // Date.UTC silently rolls 2026-02-30 over to March: refuse it instead.
    if (parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) return ms;
  }
  throw new RangeError(`date attendue au format AAAA-MM-JJ : ${date}`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The calendar day `days` days after `date` (before it when negative), `yyyy-MM-dd`.
 * Throws a `RangeError` when `date` is not a real `yyyy-MM-dd` day.
 */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The number of calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The ISO weekday of a calendar day: 1 for Monday … 7 for Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Easter Sunday of a Gregorian year, `yyyy-MM-dd`, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher):
 * integer arithmetic only. Throws a `RangeError` outside 1583–9999.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`année hors du calendrier grégorien : ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const cache = new Map<number, readonly Holiday[]>();

/**
 * The 11 national public holidays of metropolitan France for `year`, sorted by date. Alsace-Moselle's two extra
 * days (Vendredi saint, 26 décembre) are not included. Throws a `RangeError` outside 1583–9999.
 */
export function frenchHolidays(year: number): Holiday[] {
  let holidays = cache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    const fixed = (monthDay: string, name: string): Holiday => ({ date: `${year}-${monthDay}`, name });
    const movable = (offset: number, name: string): Holiday => ({
      date: addCalendarDays(easter, offset),
      name,
    });
    holidays = [
      fixed('01-01', 'Jour de l’an'),
      movable(1, 'Lundi de Pâques'),
      fixed('05-01', 'Fête du Travail'),
      fixed('05-08', 'Victoire 1945'),
      movable(39, 'Ascension'),
      movable(50, 'Lundi de Pentecôte'),
      fixed('07-14', 'Fête nationale'),
      fixed('08-15', 'Assomption'),
      fixed('11-01', 'Toussaint'),
      fixed('11-11', 'Armistice 1918'),
      fixed('12-25', 'Noël'),
    ].sort((x, y) => x.date.localeCompare(y.date));
    cache.set(year, holidays);
  }
  return holidays.map((holiday) => ({ ...holiday }));
}

/** The holiday falling on `date` (`yyyy-MM-dd`), if any. Throws a `RangeError` when `date` is not a real day. */
export function holidayOn(date: string): Holiday | undefined {
  toUtcMs(date);
  return frenchHolidays(Number(date.slice(0, 4))).find((holiday) => holiday.date === date);
}

/** Whether `date` (`yyyy-MM-dd`) is a French national public holiday. */
export function isHoliday(date: string): boolean {
  return holidayOn(date) !== undefined;
}

/** Whether `date` (`yyyy-MM-dd`) is a working day: Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && !isHoliday(date);
}
