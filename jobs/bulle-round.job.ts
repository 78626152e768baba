import type { z } from 'zod';
import { runRound } from '../src/core/bulle/round.js';
import { DEFAULT_BULLE } from '../src/core/bulle/settings.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { weeklyAt } from '../src/core/time/time-of-day.js';

/** Weekly (community.yml `bulloterie.round`, Monday 09:30 by default): open requests matched again, then the summary. */
export const bulleRoundJob: JobDefinition<z.infer<typeof JobDataSchema>> = {
  name: 'bulle-round',
  schema: JobDataSchema,
  schedules: (community) => {
    const { round } = community.bulloterie ?? DEFAULT_BULLE;
    return [{ id: 'bulle-round', pattern: weeklyAt(round.time, [round.day]), data: {} }];
  },
  run: (services) => runRound(services),
};
