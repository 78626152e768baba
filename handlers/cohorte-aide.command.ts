import type { CommandHandler } from '../src/core/handler.js';

/** `/cohorte aide`, and `/cohorte` alone: the commands this person may use, in their language. */
export const cohorteAideCommand: CommandHandler = {
  command: 'cohorte',
  name: 'aide',
  aliases: ['', 'help'],
  // Open outside the community: the help lists what an outsider may do.
  outsiders: true,
  help: 'help.cohorte.aide',
  run: async (ctx) => ({ visibility: 'ephemeral', message: ctx.help() }),
};
