import { type Context, ephemeral, type Reply } from '../handler.js';
import type { PageName } from '../ports.js';

/** The answer of `/cohorte page` and `/cohorte tableau`: a personal link to `page`, or why there is none. */
export async function pageLinkReply({ services, person, t }: Context, page: PageName): Promise<Reply> {
  return ephemeral(
    services.pages ? t('page.link', { url: await services.pages.link(person.email, page) }) : t('page.off'),
  );
}
