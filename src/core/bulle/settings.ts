import { z } from 'zod';
import { TimeSchema } from '../time/time-of-day.js';
import { type Weekday, WeekdaySchema } from '../time/weekday.js';
import type { Theme } from './topics.js';

/**
 * The `bulloterie:` section of community.yml: where the themes file is (relative to community.yml; the one shipped
 * with Cohorte by default), how many open pairings one person carries at most, and when the weekly round runs.
 */
export const BulleSectionSchema = z
  .strictObject({
    themes: z.string().trim().min(1).optional(),
    max_open: z.number().int().min(1).max(10).default(2),
    round: z
      .strictObject({ day: WeekdaySchema.default('monday'), time: TimeSchema.default('09:30') })
      .default({ day: 'monday', time: '09:30' }),
  })
  .default({ max_open: 2, round: { day: 'monday', time: '09:30' } });

/** What the bulloterie reads of the community: the themes (file loaded), the load cap and the round's time. */
export interface BulleSettings {
  themes: Theme[];
  maxOpen: number;
  round: { day: Weekday; time: string };
}

/** Settings when a community gives none (tests building a community by hand). */
export const DEFAULT_BULLE: BulleSettings = {
  themes: [],
  maxOpen: 2,
  round: { day: 'monday', time: '09:30' },
};
