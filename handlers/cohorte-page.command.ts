import type { CommandHandler } from '../src/core/handler.js';
import { pageLinkReply } from '../src/core/pages/link-reply.js';

/** `/cohorte page`: a personal link (signed, single-use, 15 minutes) to "my week" and the bubble map. */
export const cohortePageCommand: CommandHandler = {
  command: 'cohorte',
  name: 'page',
  aliases: ['pages'],
  help: 'help.cohorte.page',
  run: (ctx) => pageLinkReply(ctx, 'moi'),
};
