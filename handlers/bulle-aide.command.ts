import type { CommandHandler } from '../src/core/handler.js';

/** `/bulle aide`, and `/bulle` alone: the help, so the bulloterie's commands are one word away. */
export const bulleAideCommand: CommandHandler = {
  command: 'bulle',
  name: 'aide',
  aliases: ['', 'help'],
  help: 'help.bulle.aide',
  run: async (ctx) => ({ visibility: 'ephemeral', message: ctx.help() }),
};
