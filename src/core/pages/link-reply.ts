import type { Context, Reply } from '../handler.js';
import { textMessage } from '../message.js';
import type { PageName } from '../ports.js';

/** The answer of `/cohorte page` and `/cohorte tableau`: a personal link to `page`, or why there is none. */
export async function pageLinkReply({ services, person, t }: Context, page: PageName): Promise<Reply> {
  const text = services.pages
    ? t('page.link', { url: await services.pages.link(person.email, page) })
    : t('page.off');
  return { visibility: 'ephemeral', message: textMessage(text) };
}
