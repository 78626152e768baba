import type { Services } from '../ports.js';
import type { DefiData, PromotionData } from '../roster/types.js';
import { includes } from './context.js';
import { type Period, periodAt } from './period.js';
import type { StandupRitual } from './ritual.js';

/** One ritual's current period and the défis and EIG it concerns, as the stand-up jobs see them. */
export interface Round {
  ritual: StandupRitual;
  promotion: PromotionData;
  period: Period;
  defis: DefiData[];
}

/** The round of a ritual at the services' clock; undefined when the ritual is gone or has no period now. */
export function roundOf(services: Services, ritualId: string): Round | undefined {
  const data = services.roster.data;
  const ritual = data.standups.find((r) => r.id === ritualId);
  const promotion = ritual && data.promotions.find((p) => p.id === ritual.promotion);
  if (!ritual || !promotion) return undefined;
  const period = periodAt(ritual, promotion, services.clock.now(), data.timezone);
  if (!period) return undefined;
  return { ritual, promotion, period, defis: promotion.defis.filter((d) => includes(ritual, d)) };
}

/** Whether `at` is due now: the same minute window a scheduler fires in (it can be a little late, never early). */
export const isDue = (at: Date, now: Date, graceMs = 15 * 60_000): boolean =>
  now.getTime() >= at.getTime() && now.getTime() - at.getTime() <= graceMs;
