import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { toPlainText } from '../src/core/message.js';
import { endAbsences } from '../src/core/standup/absence-dates.js';
import { formatDay } from '../src/core/time/format.js';
import { localDate } from '../src/core/time/local.js';

/**
 * `/standup present`: back earlier than announced. Absences still to come are cancelled, the one under way ends
 * yesterday, so reminders and digests count the person again from today.
 */
export const standupPresentCommand: CommandHandler = {
  command: 'standup',
  name: 'present',
  aliases: ['présent', 'presente', 'présente', 'retour', 'back'],
  help: 'help.standup.present',
  async run({ person, services, locale, t }) {
    const timezone = services.roster.data.timezone;
    const today = localDate(services.clock.now(), timezone);
    const { kept, ended } = endAbsences(await services.standups.absences(person.email), today);
    if (ended.length === 0) return ephemeral(t('standup.presentNone'));
    await services.standups.setAbsences(person.email, kept);
    const show = (day: string) => formatDay(day, timezone, locale);
    const days = ended
      .map(({ from, to }) =>
        from === to ? show(from) : toPlainText(t('standup.presentRange', { from: show(from), to: show(to) })),
      )
      .join(', ');
    return ephemeral(t('standup.presentDone', { days }));
  },
};
