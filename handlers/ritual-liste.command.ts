import type { CommandHandler } from '../src/core/handler.js';
import { ritualList } from '../src/core/ritual/listing.js';

/** `/rituel liste` (and `/rituel` alone), coordinators: every ritual, file and chat, with its next three dates. */
export const ritualListeCommand: CommandHandler = {
  command: 'rituel',
  name: 'liste',
  aliases: ['', 'list'],
  permission: 'ritual.manage',
  help: 'help.rituel',
  run: async (ctx) => ({ visibility: 'ephemeral', message: await ritualList(ctx) }),
};
