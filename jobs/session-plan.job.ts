import type { z } from 'zod';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { publishSession } from '../src/core/sessions/lifecycle.js';
import { ruleDays } from '../src/core/sessions/session.js';
import { localDate } from '../src/core/time/local.js';

/**
 * Daily at 07:15: each `sessions:` rule of `community.yml` creates its next sessions (its months ahead), announces
 * them and schedules their reminders. Ids are the rule's and the day's, so a session is created once however often
 * this runs.
 */
export const sessionPlanJob: JobDefinition<z.infer<typeof JobDataSchema>> = {
  name: 'session-plan',
  schema: JobDataSchema,
  schedules: (community) =>
    (community.sessionRules ?? []).length > 0
      ? [{ id: 'session-plan', pattern: '15 7 * * *', data: {} }]
      : [],
  async run(services) {
    const { sessionRules = [], timezone } = services.roster.data;
    const now = services.clock.now();
    const today = localDate(now, timezone);
    let created = 0;
    for (const rule of sessionRules) {
      const { id, schedule, ahead, ...details } = rule;
      for (const date of ruleDays(rule, today)) {
        const published = await publishSession(services, {
          ...details,
          id: `${id}-${date}`,
          date,
          timezone,
          rule: id,
          sequence: 0,
          cancelled: false,
          createdAt: now.toISOString(),
        });
        if (published) created++;
      }
    }
    return `${created} session(s) created from ${sessionRules.length} rule(s)`;
  },
};
