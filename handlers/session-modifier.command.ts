import { UserError } from '../src/core/errors.js';
import { type CommandHandler, firstWord } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { sessionDate } from '../src/core/sessions/announcement.js';
import { sessionForm } from '../src/core/sessions/form.js';
import { sessionById } from '../src/core/sessions/rsvp.js';
import { localDate } from '../src/core/time/local.js';

/** `/session modifier <id>` (coordinators): the session form, prefilled; submitting it changes the session. */
export const sessionModifierCommand: CommandHandler = {
  command: 'session',
  name: 'modifier',
  aliases: ['edit'],
  permission: 'sessions.manage',
  help: 'help.session.modifier',
  async run({ t, services, locale }, args) {
    const id = firstWord(args);
    if (!id) throw new UserError('session.modifyUsage');
    const session = await sessionById(services, id);
    if (session.cancelled)
      throw new UserError('session.alreadyCancelled', {
        title: session.title,
        date: sessionDate(session, locale),
      });
    const data = services.roster.data;
    return {
      visibility: 'ephemeral',
      form: sessionForm(t, data, localDate(services.clock.now(), data.timezone), session),
      message: textMessage(t('session.formFallback')),
    };
  },
};
