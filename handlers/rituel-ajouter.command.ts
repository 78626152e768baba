import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { ritualForm } from '../src/core/rituals/form.js';

/** `/rituel ajouter [id]`: the ritual form, empty, or prefilled to edit a ritual made in chat. */
export const rituelAjouter: CommandHandler = {
  command: 'rituel',
  name: 'ajouter',
  aliases: ['add', 'modifier', 'edit'],
  action: 'rituals.manage',
  help: 'help.rituel.ajouter',
  async run({ t, services }, args) {
    const id = args.trim();
    const existing = id ? (await services.rituals.chatRituals()).find((r) => r.id === id) : undefined;
    return {
      visibility: 'ephemeral',
      form: ritualForm(t, existing),
      message: textMessage(t('ritual.formFallback')),
    };
  },
};
