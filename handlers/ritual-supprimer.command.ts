import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { deleteRitual, ritualArg } from '../src/core/ritual/manage.js';

/** `/rituel supprimer <id>`: a chat ritual and its scheduler are gone at once; the file's are changed in the file. */
export const ritualSupprimerCommand: CommandHandler = {
  command: 'rituel',
  name: 'supprimer',
  aliases: ['delete'],
  permission: 'ritual.manage',
  help: 'help.rituel.supprimer',
  async run(ctx, args) {
    const { known } = await ritualArg(ctx, args, 'delete');
    await deleteRitual(ctx, known);
    return ephemeral(ctx.t('ritual.deleted', { id: known.ritual.id }));
  },
};
