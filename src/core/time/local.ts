import { TZDate } from '@date-fns/tz';

/** Calendar days and wall-clock times read in an IANA timezone, right on both sides of a daylight-saving change. */

const pad = (value: number): string => String(value).padStart(2, '0');

/** The calendar day, `yyyy-MM-dd`, that `instant` falls on in `timezone`. */
export function localDate(instant: Date, timezone: string): string {
  const local = new TZDate(instant.getTime(), timezone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * The instant at which the wall clock in `timezone` reads `time` (`HH:MM`) on `date` (`yyyy-MM-dd`). Times that do
 * not exist or happen twice on a daylight-saving day are for the caller to avoid (the ritual schema refuses them).
 */
export function localInstant(date: string, time: string, timezone: string): Date {
  const local = new TZDate(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
    timezone,
  );
  return new Date(local.getTime());
}
