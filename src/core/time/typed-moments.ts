import { UserError } from '../errors.js';
import { parseDay } from './typed-days.js';

/**
 * Times and moments people type, read one way in every command and form: a time is `9:00`, `09:00`, `9h` or `9h30`;
 * a day is `JJ/MM/AAAA`, `JJ/MM` (the next such day) or `AAAA-MM-JJ` ({@link parseDay}); a moment is a day then a
 * time, optionally joined by « à » or "at". Examples shown in errors are computed from today, so they are to come.
 */

const TIME = /^(\d{1,2})(?::|h|H)(\d{2})?$/;

/** `HH:MM` (24-hour clock, two digits each) of a typed time, or undefined when it is not one. */
export function parseTimeOfDay(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  // `9:` and `9:5` are not times; `9h` is 09:00.
  if (match[2] === undefined && !/h$/i.test(text.trim())) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A typed time as `HH:MM`, or the text as typed when it is not one (the schema then says what to type). */
export const normalTime = (text: string): string => parseTimeOfDay(text) ?? text.trim();

/** A typed day as `yyyy-MM-dd` ({@link parseDay}), or undefined when it is not a real day. */
export function readDay(
  word: string,
  today: string,
  direction: 'onOrAfter' | 'onOrBefore' = 'onOrAfter',
): string | undefined {
  try {
    return parseDay(word, today, direction);
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

/**
 * A typed day (any of the three forms, `JJ/MM` being the next such day from `today`) as `yyyy-MM-dd`, or the text
 * as typed when it is not a real day (the schema then says what to type).
 */
export function normalDay(text: string, today: string): string {
  const trimmed = text.trim();
  return (trimmed && readDay(trimmed, today)) || trimmed;
}

/** A typed moment, `<day> [à|at] <time>`, as its calendar day and `HH:MM`; undefined when it is not one. */
export function parseMoment(text: string, today: string): { day: string; time: string } | undefined {
  // `2026-12-01T09:30`, as an ISO timestamp is written, is a day and a time too.
  const words = text
    .trim()
    .replace(/^(\d{4}-\d{1,2}-\d{1,2})T/, '$1 ')
    .split(/\s+/);
  const [dayWord = '', ...rest] = words;
  const timeWords = rest.filter((word) => !['à', 'a', 'at'].includes(word.toLowerCase()));
  const time = timeWords.length === 1 ? parseTimeOfDay(timeWords[0] ?? '') : undefined;
  const day = readDay(dayWord, today);
  return time && day ? { day, time } : undefined;
}
