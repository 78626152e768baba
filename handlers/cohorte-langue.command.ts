import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { isLocale, translate } from '../src/core/i18n/index.js';

/** `/cohorte langue fr|en`: the language Cohorte uses with this person from now on. */
export const cohorteLangueCommand: CommandHandler = {
  command: 'cohorte',
  name: 'langue',
  aliases: ['language', 'lang'],
  // Open outside the community: the refusals are read in this language too.
  outsiders: true,
  help: 'help.cohorte.langue',
  async run({ person, services }, args) {
    const wanted = args.trim().toLowerCase();
    if (!isLocale(wanted)) throw new UserError('lang.usage');
    await services.people.setLocale(person.email, wanted);
    return ephemeral(translate(wanted, 'lang.done'));
  },
};
