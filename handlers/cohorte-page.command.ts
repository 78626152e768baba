import { UserError } from '../src/core/errors.js';
import { type CommandHandler, firstWord } from '../src/core/handler.js';
import { pageLinkReply } from '../src/core/pages/link-reply.js';
import { can } from '../src/core/permissions.js';
import type { PageName } from '../src/core/ports.js';

/** The words after `/cohorte page`, French and English, and the page each one opens. */
const PAGES: Readonly<Record<string, PageName>> = {
  '': 'moi',
  moi: 'moi',
  me: 'moi',
  bulles: 'bulles',
  bubbles: 'bulles',
  tableau: 'tableau',
  dashboard: 'tableau',
};

/**
 * `/cohorte page [bulles|tableau]`: a personal link (signed, single-use, 15 minutes) to "my week", the bubble map,
 * or for coordinators the dashboard (as `/cohorte tableau`); any other word gets the pages to type.
 */
export const cohortePageCommand: CommandHandler = {
  command: 'cohorte',
  name: 'page',
  aliases: ['pages'],
  help: 'help.cohorte.page',
  run(ctx, args) {
    const typed = firstWord(args).toLowerCase();
    const page = Object.hasOwn(PAGES, typed) ? PAGES[typed] : undefined;
    if (!page) throw new UserError('page.unknown', { typed });
    if (page === 'tableau' && !can(ctx.person, 'pages.dashboard')) throw new UserError('error.forbidden');
    return pageLinkReply(ctx, page);
  },
};
