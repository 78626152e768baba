import { UserError } from '../src/core/errors.js';
import { type CommandHandler, firstWord } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { findRitual } from '../src/core/ritual/catalog.js';
import { ritualForm } from '../src/core/ritual/form.js';

/**
 * `/rituel ajouter [id]`: the ritual form, empty, or prefilled to edit a ritual made in chat. An id that names no
 * ritual, or one of `community.yml` (changed in the file), is answered, not met with a blank form.
 */
export const ritualAjouterCommand: CommandHandler = {
  command: 'rituel',
  name: 'ajouter',
  aliases: ['add', 'modifier', 'edit'],
  permission: 'ritual.manage',
  help: 'help.rituel.ajouter',
  async run({ t, services }, args) {
    const id = firstWord(args);
    const known = id ? await findRitual(services, id) : undefined;
    if (id && !known) throw new UserError('ritual.unknown', { id });
    if (known?.source === 'file') throw new UserError('ritual.fileOnly', { id });
    return {
      visibility: 'ephemeral',
      form: ritualForm(t, known?.ritual),
      message: textMessage(t('ritual.formFallback')),
    };
  },
};
