import { UserError } from '../errors.js';
import type { CommunityData, DefiData, Person, PromotionData } from '../roster/types.js';
import { localDate } from '../time/local.js';
import { type Period, periodAt } from './period.js';
import type { StandupRitual } from './ritual.js';
import type { Absence } from './store.js';

/** Where a person's stand-up belongs right now: their ritual, promotion, défi and the open period. */
export interface StandupPlace {
  ritual: StandupRitual;
  promotion: PromotionData;
  defi: DefiData;
  period: Period;
}

/** The stand-up ritual of a promotion, if it has one. */
export const ritualOf = (data: CommunityData, promotionId: string): StandupRitual | undefined =>
  data.standups.find((r) => r.promotion === promotionId);

/** Whether a défi takes part in a ritual (all of its promotion's défis unless the ritual lists some). */
export const includes = (ritual: StandupRitual, defi: DefiData): boolean =>
  !ritual.defis || ritual.defis.some((id) => id.toLowerCase() === defi.id.toLowerCase());

/**
 * The place of an EIG's stand-up at `now`. Throws a UserError saying why there is none: not an EIG, no stand-up
 * for the promotion, or none this period (holiday week, outside the promotion).
 */
export function standupPlace(person: Person, data: CommunityData, now: Date): StandupPlace {
  const eig = person.memberships.filter((m) => m.role === 'eig');
  // Reminders, digests and exports follow the file: an EIG place given only in chat would post into a void.
  const membership = eig.find((m) => m.source === 'file');
  if (!membership) throw new UserError(eig.length ? 'standup.chatOnlyEig' : 'standup.notEig');
  const ritual = ritualOf(data, membership.promotion.id);
  if (!ritual || !includes(ritual, membership.defi)) throw new UserError('standup.noRitual');
  const period = periodAt(ritual, membership.promotion, now, data.timezone);
  if (!period) throw new UserError('standup.noPeriod');
  return { ritual, promotion: membership.promotion, defi: membership.defi, period };
}

/** Whether someone marked absent covers the period's deadline day. */
export function isAbsent(absences: readonly Absence[], period: Period, timezone: string): boolean {
  if (absences.length === 0) return false;
  const day = localDate(period.deadlineAt, timezone);
  return absences.some((a) => a.from <= day && day <= a.to);
}
