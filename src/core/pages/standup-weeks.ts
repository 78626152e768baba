import type { Services } from '../ports.js';
import { normalizeEmail } from '../roster/roster.js';
import type { DefiData, PromotionData } from '../roster/types.js';
import { includes, isAbsent } from '../standup/context.js';
import { periodsBetween } from '../standup/history.js';
import type { Period } from '../standup/period.js';
import type { StandupRitual } from '../standup/ritual.js';
import type { Absence, HelpRequest, StandupEntry } from '../standup/store.js';
import { addCalendarDays } from '../time/days.js';
import { localDate } from '../time/local.js';

/** How many weeks back the coordinators' dashboard looks. */
export const DASHBOARD_WEEKS = 12;

/** How an EIG took part in one stand-up period: in time, after the deadline, away, or not at all. */
export const ATTENDANCES = ['posted', 'late', 'absent', 'silent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/**
 * One EIG's part in one period. The first post counts (an edit after the deadline does not make it late); someone
 * away who wrote anyway wrote.
 */
export function attendanceOf(
  entry: StandupEntry | undefined,
  absences: readonly Absence[],
  period: Period,
  timezone: string,
): Attendance {
  if (entry) return Date.parse(entry.firstAt ?? entry.at) > period.deadlineAt.getTime() ? 'late' : 'posted';
  return isAbsent(absences, period, timezone) ? 'absent' : 'silent';
}

/** One défi in one period: how many EIG of each attendance, and the météo answers given (file order). */
export interface DefiPeriod {
  counts: Record<Attendance, number>;
  moods: string[];
}

/** A promotion's stand-ups over the dashboard's weeks: its closed periods, each défi's, and the help asked. */
export interface PromotionWeeks {
  promotion: PromotionData;
  ritual: StandupRitual;
  /** Periods whose deadline passed within {@link DASHBOARD_WEEKS} weeks, oldest first. */
  periods: Period[];
  defis: { defi: DefiData; periods: DefiPeriod[] }[];
  help: HelpRequest[];
}

/**
 * Reads a promotion's last {@link DASHBOARD_WEEKS} weeks of stand-ups in three pipelined reads (answers, absences,
 * help requests), whatever the number of periods and people.
 */
export async function promotionWeeks(
  services: Services,
  ritual: StandupRitual,
  promotion: PromotionData,
): Promise<PromotionWeeks> {
  const { timezone } = services.roster.data;
  const now = services.clock.now();
  const today = localDate(now, timezone);
  const since = now.getTime() - DASHBOARD_WEEKS * 7 * 86_400_000;
  const periods = periodsBetween(
    ritual,
    promotion,
    addCalendarDays(today, -DASHBOARD_WEEKS * 7),
    today,
    timezone,
  ).filter((p) => p.deadlineAt.getTime() > since && p.deadlineAt.getTime() <= now.getTime());
  const defis = promotion.defis.filter((d) => includes(ritual, d));
  const ids = periods.map((p) => p.id);
  const [entries, absences, help] = await Promise.all([
    services.standups.entriesOf(ritual.id, ids),
    services.standups.absencesOf(defis.flatMap((d) => d.eig.map((p) => normalizeEmail(p.email)))),
    services.standups.helpForPeriods(ritual.id, ids),
  ]);
  const choice = ritual.questions.find((q) => q.kind === 'choice');
  // Each period's answers by e-mail, built once for every défi.
  const byPeriod = periods.map((p) => new Map((entries.get(p.id) ?? []).map((e) => [e.email, e])));
  return {
    promotion,
    ritual,
    periods,
    help,
    defis: defis.map((defi) => {
      const emails = defi.eig.map((p) => normalizeEmail(p.email));
      return {
        defi,
        periods: periods.map((period, i) => {
          const cell: DefiPeriod = { counts: { posted: 0, late: 0, absent: 0, silent: 0 }, moods: [] };
          for (const email of emails) {
            const entry = byPeriod[i]?.get(email);
            cell.counts[attendanceOf(entry, absences.get(email) ?? [], period, timezone)] += 1;
            const mood = choice && entry?.answers[choice.id];
            if (mood) cell.moods.push(mood);
          }
          return cell;
        }),
      };
    }),
  };
}
