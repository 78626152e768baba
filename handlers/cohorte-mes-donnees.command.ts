import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { personalDataDocument } from '../src/core/personal-data.js';
import { formatDate } from '../src/core/time/format.js';

/** `/cohorte mes-donnees`: a JSON file of everything stored about you, sent by DM through the outbox. */
export const cohorteMesDonneesCommand: CommandHandler = {
  command: 'cohorte',
  name: 'mes-donnees',
  aliases: ['mes-données', 'my-data'],
  // Open outside the community: anyone may see what Cohorte keeps on them.
  outsiders: true,
  help: 'help.cohorte.mes-donnees',
  async run({ person, t, locale, services }) {
    const now = services.clock.now();
    await services.outbox.send({
      key: `personal-data:${person.email}:${now.getTime()}`,
      to: { kind: 'person', email: person.email },
      message: textMessage(
        t('data.fileComment', {
          email: person.email,
          date: formatDate(now, services.roster.data.timezone, locale),
        }),
      ),
      file: { name: 'cohorte-mes-donnees.json', content: await personalDataDocument(services, person, now) },
    });
    return ephemeral(t('data.queued'));
  },
};
