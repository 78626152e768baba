import { forgetPerson, personalDataDocument } from '../../core/personal-data.js';
import { queryOf } from '../../http.js';
import { type Html, html } from '../html.js';
import { sendDownload } from '../respond.js';
import type { PageSubmit, PageView } from '../routes.js';
import type { Visitor } from '../session.js';
import type { Words } from '../words.js';

/** The data section of `/moi`: download my data, erase it, or do either in the chat. */
export const dataSection = (w: Words): Html => html`<h2>${w.t('pages.moi.data')}</h2>
<p><a href="/moi?export=json" download>${w.t('pages.moi.export')}</a></p>
<p><a href="/moi?oublier=1">${w.t('pages.moi.erase')}</a></p>
<p>${w.t('pages.moi.dataHow')}</p>`;

/**
 * `/moi?export=json` downloads the document `/cohorte mes-donnees` sends by DM; `/moi?oublier=1` asks to confirm
 * the erasure, with the chat's own words, in a form carrying the CSRF token. Undefined for any other `/moi`.
 */
export async function dataView(
  { person, session }: Visitor,
  { services, req, res, words: w }: Parameters<PageView>[1],
): Promise<{ title: string; body: Html } | 'sent' | undefined> {
  const query = queryOf(req);
  if (query.get('export') === 'json') {
    const document = await personalDataDocument(services, person, services.clock.now());
    sendDownload(res, 'cohorte-mes-donnees.json', 'application/json; charset=utf-8', document);
    return 'sent';
  }
  if (!query.has('oublier')) return undefined;
  const title = w.text('pages.moi.erase');
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${w.t('forget.confirm')}</p>
<form method="post" action="/moi">
<input type="hidden" name="csrf" value="${session.csrf}">
<input type="hidden" name="oublier" value="oui">
<ul class="fr-btns-group fr-btns-group--inline"><li><button class="fr-btn" type="submit">${w.t('forget.yes')}</button></li>
<li><a class="fr-btn fr-btn--secondary" href="/moi">${w.t('forget.no')}</a></li></ul>
</form>`,
  };
}

/** The erasure form's `POST`: everything erased as `/cohorte oublier` does it, the session with it. */
export const eraseSubmit: PageSubmit = async ({ person }, { services, form, words: w }) => {
  if (form.get('oublier') !== 'oui') {
    const title = w.text('pages.moi.erase');
    return { status: 400, title, body: html`<h1>${title}</h1><p>${w.t('forget.cancelled')}</p>` };
  }
  await forgetPerson(services, person.email);
  const title = w.text('pages.moi.erased');
  return {
    status: 200,
    ended: true,
    title,
    body: html`<h1>${title}</h1><p>${w.t('forget.done')}</p>`,
  };
};
