import type { z } from 'zod';
import { runRound } from '../src/core/bulle/round.js';
import { DEFAULT_BULLE } from '../src/core/bulle/settings.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { weekdayNumber } from '../src/core/standup/ritual.js';

/** Weekly (community.yml `bulloterie.round`, Monday 09:30 by default): open requests matched again, then the summary. */
export const bulleRoundJob: JobDefinition<z.infer<typeof JobDataSchema>> = {
  name: 'bulle-round',
  schema: JobDataSchema,
  schedules: (community) => {
    const { round } = community.bulloterie ?? DEFAULT_BULLE;
    const [hours = '0', minutes = '0'] = round.time.split(':');
    // Cron counts Sunday as 0; ISO numbers it 7.
    const day = weekdayNumber(round.day) % 7;
    return [{ id: 'bulle-round', pattern: `${Number(minutes)} ${Number(hours)} * * ${day}`, data: {} }];
  },
  run: (services, { manual }) => runRound(services, manual ?? false),
};
