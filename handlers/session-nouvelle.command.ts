import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { sessionForm } from '../src/core/sessions/form.js';
import { localDate } from '../src/core/time/local.js';

/** `/session nouvelle` (coordinators): the new-session form. */
export const sessionNouvelleCommand: CommandHandler = {
  command: 'session',
  name: 'nouvelle',
  aliases: ['new'],
  permission: 'sessions.manage',
  help: 'help.session.nouvelle',
  async run({ t, services }) {
    const data = services.roster.data;
    const today = localDate(services.clock.now(), data.timezone);
    return {
      visibility: 'ephemeral',
      form: sessionForm(t, data, today),
      message: textMessage(t('session.formFallback')),
    };
  },
};
