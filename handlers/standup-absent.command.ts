import { UserError } from '../src/core/errors.js';
import { type CommandHandler, type Context, ephemeral } from '../src/core/handler.js';
import { parseAbsence } from '../src/core/standup/absence-dates.js';
import { includes, ritualOf, standupPlace } from '../src/core/standup/context.js';
import type { Absence } from '../src/core/standup/store.js';
import { formatDay } from '../src/core/time/format.js';
import { localDate } from '../src/core/time/local.js';

/** Throws the reason an absence would not matter: not an EIG, or no stand-up for their promotion. */
function requireStandup({ person, services }: Context): void {
  const membership = person.memberships.find((m) => m.role === 'eig');
  if (!membership) throw new UserError('standup.notEig');
  const ritual = ritualOf(services.roster.data, membership.promotion.id);
  if (!ritual || !includes(ritual, membership.defi)) throw new UserError('standup.noRitual');
}

/**
 * `/standup absent`: away from today to the end of the current period; `/standup absent <du> [au]`: away between
 * two days (`JJ/MM` is the next such day). EIG only. Reminders skip a period whose deadline day is covered, and
 * the défi's digest lists the person as away rather than silent.
 */
export const standupAbsentCommand: CommandHandler = {
  command: 'standup',
  name: 'absent',
  aliases: ['away', 'absence'],
  help: 'help.standup.absent',
  async run(ctx, args) {
    const { person, services, locale, t } = ctx;
    const timezone = services.roster.data.timezone;
    const now = services.clock.now();
    const today = localDate(now, timezone);
    const show = (day: string) => formatDay(day, timezone, locale);
    let absence: Absence;
    if (args.trim()) {
      requireStandup(ctx);
      absence = parseAbsence(args, today, show);
    } else {
      absence = { from: today, to: standupPlace(person, services.roster.data, now).period.end };
    }
    const known = await services.standups.absences(person.email);
    // Typing the same command twice must not store the absence twice.
    if (!known.some((a) => a.from <= absence.from && absence.to <= a.to))
      await services.standups.addAbsence(person.email, absence);
    const line =
      absence.from === absence.to
        ? t('standup.absentRecordedDay', { date: show(absence.from) })
        : t('standup.absentRecorded', { from: show(absence.from), to: show(absence.to) });
    return ephemeral(line);
  },
};
