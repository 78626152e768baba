import type { CommandHandler } from '../src/core/handler.js';
import { pageLinkReply } from '../src/core/pages/link-reply.js';

/** `/cohorte tableau`: a personal link to the coordination dashboard, for coordinators only. */
export const cohorteTableauCommand: CommandHandler = {
  command: 'cohorte',
  name: 'tableau',
  aliases: ['dashboard'],
  permission: 'pages.dashboard',
  help: 'help.cohorte.tableau',
  run: (ctx) => pageLinkReply(ctx, 'tableau'),
};
