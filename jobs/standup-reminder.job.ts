import { z } from 'zod';
import { translate } from '../src/core/i18n/index.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { normalizeEmail } from '../src/core/roster/roster.js';
import { isAbsent } from '../src/core/standup/context.js';
import { OPEN_STANDUP_ACTION } from '../src/core/standup/form.js';
import { isDue, roundOf } from '../src/core/standup/round.js';
import { formatDateTime, formatDay } from '../src/core/time/format.js';
import { dailyAt } from '../src/core/time/time-of-day.js';

const DataSchema = JobDataSchema.extend({ ritualId: z.string() });

/**
 * At each reminder time (10:00 and 14:00 on the deadline day by default): a DM with a button to the EIG who have
 * not posted and are not absent. Never a channel ping; nothing on holidays or outside the promotion (no period).
 */
export const standupReminderJob: JobDefinition<z.infer<typeof DataSchema>> = {
  name: 'standup-reminder',
  schema: DataSchema,
  schedules: (community) =>
    community.standups.flatMap((ritual) =>
      ritual.reminders.map((time) => ({
        id: `standup-reminder:${ritual.id}:${time.replace(':', '')}`,
        pattern: dailyAt(time),
        data: { ritualId: ritual.id },
      })),
    ),
  async run(services, { ritualId, manual }) {
    const round = roundOf(services, ritualId);
    if (!round) return `${ritualId}: no stand-up period now`;
    const now = services.clock.now();
    const { remindersAt } = round.period;
    // By hand (the shell's `:run`): the next reminder of the period (or its last), early, under its own key.
    const due = manual
      ? (remindersAt.find((at) => at >= now) ?? remindersAt.at(-1))
      : remindersAt.find((at) => isDue(at, now));
    if (!due) return `${ritualId}: not a reminder time`;
    const slot = String(due.getTime());
    const { ritual, period } = round;
    const timezone = services.roster.data.timezone;
    const counts = { sent: 0, posted: 0, absent: 0 };
    const emails = round.defis.flatMap((d) => d.eig.map((p) => normalizeEmail(p.email)));
    const absences = await services.standups.absencesOf(emails);
    for (const email of emails) {
      if (await services.standups.entry(ritual.id, period.id, email)) {
        counts.posted++;
        continue;
      }
      if (isAbsent(absences.get(email) ?? [], period, timezone)) {
        counts.absent++;
        continue;
      }
      const locale = (await services.people.locale(email)) ?? services.roster.data.locale;
      const deadline = formatDateTime(period.deadlineAt, timezone, locale);
      // A deadline moved by a holiday says so: people expect the usual day.
      const text = period.movedFrom
        ? translate(locale, 'reminder.textMoved', {
            deadline,
            day: formatDay(period.movedFrom, timezone, locale),
          })
        : translate(locale, 'reminder.text', { deadline });
      await services.outbox.send({
        key: `standup-reminder:${ritual.id}:${period.id}:${email}:${slot}`,
        to: { kind: 'person', email },
        message: {
          fallback: text,
          blocks: [
            { kind: 'section', text },
            {
              kind: 'actions',
              buttons: [
                {
                  actionId: OPEN_STANDUP_ACTION,
                  label: translate(locale, 'reminder.button'),
                  value: ritual.id,
                  style: 'primary',
                },
              ],
            },
          ],
        },
      });
      counts.sent++;
    }
    return `${ritualId} ${period.id}: ${counts.sent} reminded, ${counts.posted} already posted, ${counts.absent} absent`;
  },
};
