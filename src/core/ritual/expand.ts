import { isHoliday } from '../time/days.js';
import { localDate, localInstant } from '../time/local.js';
import type { ReminderRitual, RitualState } from './ritual.js';
import type { CronNext } from './schedule.js';
import { occursOn } from './schedule.js';

/** How far expansion looks ahead: a ritual with no occurrence within two years has none worth listing. */
const HORIZON_DAYS = 2 * 366;

/** What expansion needs besides the ritual: its timezone, BullMQ's cron reading, and what chat changed. */
export interface ExpandContext {
  timezone: string;
  cronNext: CronNext;
  state?: RitualState;
}

/** Whether an occurrence is kept: within the active dates, not a skipped holiday, not skipped from chat. */
function kept(ritual: ReminderRitual, at: Date, timezone: string, skipped: ReadonlySet<string>): boolean {
  const day = localDate(at, timezone);
  if (ritual.start && day < ritual.start) return false;
  if (ritual.skipHolidays && isHoliday(day)) return false;
  return !skipped.has(at.toISOString());
}

/** Every candidate instant after `after`, in order, before the filters (lazily, up to the horizon). */
function* candidates(ritual: ReminderRitual, after: Date, context: ExpandContext): Generator<Date> {
  const tz = ritual.timezone ?? context.timezone;
  const limit = after.getTime() + HORIZON_DAYS * 86_400_000;
  const { schedule } = ritual;
  if ('cron' in schedule) {
    for (let at = context.cronNext(schedule.cron, tz, after); at && at.getTime() <= limit; ) {
      yield at;
      at = context.cronNext(schedule.cron, tz, at);
    }
    return;
  }
  for (let ms = after.getTime() - 86_400_000; ms <= limit; ms += 86_400_000) {
    const day = localDate(new Date(ms), tz);
    if (!occursOn(schedule, day)) continue;
    const at = localInstant(day, schedule.time, tz);
    if (at > after) yield at;
  }
}

/**
 * The next `count` occurrences strictly after `after`, in order: active dates, holidays (when skipped) and
 * occurrences skipped from chat left out; none while paused. Pure: the same input always gives the same dates.
 */
export function nextOccurrences(
  ritual: ReminderRitual,
  after: Date,
  count: number,
  context: ExpandContext,
): Date[] {
  if (context.state?.paused) return [];
  const tz = ritual.timezone ?? context.timezone;
  const skipped = new Set(context.state?.skipped ?? []);
  const out: Date[] = [];
  for (const at of candidates(ritual, after, context)) {
    if (ritual.end && localDate(at, tz) > ritual.end) break;
    if (kept(ritual, at, tz, skipped)) out.push(at);
    if (out.length >= count) break;
  }
  return out;
}

/** How late a fired ritual may still post: a worker back within the hour catches up, later is pointless. */
const RITUAL_GRACE_MS = 3600_000;

/** The occurrence still to post at `now`: the latest one within the grace, or else the next one (none if paused). */
export const upcomingOccurrence = (
  ritual: ReminderRitual,
  now: Date,
  context: ExpandContext,
): Date | undefined => nextOccurrences(ritual, new Date(now.getTime() - RITUAL_GRACE_MS), 1, context)[0];

/** The occurrence a scheduler firing at `now` stands for, or undefined (not an occurrence, skipped, paused). */
export function dueOccurrence(ritual: ReminderRitual, now: Date, context: ExpandContext): Date | undefined {
  const at = upcomingOccurrence(ritual, now, context);
  return at && at <= now ? at : undefined;
}
