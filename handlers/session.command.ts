import type { CommandHandler } from '../src/core/handler.js';
import { sessionList } from '../src/core/sessions/listing.js';

/** `/session` (or `/session liste`): upcoming sessions, each with your answer. */
export const sessionCommand: CommandHandler = {
  command: 'session',
  name: 'liste',
  aliases: ['', 'list'],
  help: 'help.session',
  run: async (ctx) => ({ visibility: 'ephemeral', message: await sessionList(ctx) }),
};
