import { z } from 'zod';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { plain, textMessage } from '../src/core/message.js';
import { findRitual, ritualRun } from '../src/core/ritual/catalog.js';
import { dueOccurrence, upcomingOccurrence } from '../src/core/ritual/expand.js';
import { FRESH_STATE, RITUAL_JOB } from '../src/core/ritual/ritual.js';

const DataSchema = JobDataSchema.extend({ ritualId: z.string() });

/**
 * A reminder ritual's scheduler fired: post its message in its channel if now is one of its occurrences (the
 * scheduler's cron can be a superset: every N weeks, nth weekday), not paused, not skipped, not a skipped holiday.
 * The delivery key names the occurrence: a second run of the same occurrence posts nothing more.
 */
export const ritualJob: JobDefinition<z.infer<typeof DataSchema>> = {
  name: RITUAL_JOB,
  schema: DataSchema,
  schedules: (community) => (community.reminders ?? []).map(ritualRun),
  async run(services, { ritualId, manual }) {
    const known = await findRitual(services, ritualId);
    if (!known) return `${ritualId}: no such ritual`;
    const { ritual } = known;
    const state = (await services.rituals.states([ritual.id])).get(ritual.id) ?? FRESH_STATE;
    const now = services.clock.now();
    const { timezone, channels } = services.roster.data;
    const context = { timezone, cronNext: services.schedules.cronNext, state };
    if (state.paused) return `${ritualId}: paused, nothing posted`;
    // By hand (the shell's `:run`), the next occurrence goes out early under its own key: the scheduler posts
    // nothing more for it, and a paused ritual or a skipped occurrence stays silent, as they would.
    const at = manual ? upcomingOccurrence(ritual, now, context) : dueOccurrence(ritual, now, context);
    if (!at) return `${ritualId}: not an occurrence now`;
    const occurrence = at.toISOString();
    await services.outbox.send({
      key: `ritual:${ritual.id}:${occurrence}`,
      to: { kind: 'channel', channel: ritual.channel ?? channels.community },
      message: textMessage(plain(ritual.message)),
    });
    return `${ritualId}: posted for ${occurrence}`;
  },
};
