import type { PlacedTopic } from '../../core/bulle/map.js';
import type { BulleRequest } from '../../core/bulle/store.js';
import type { Rich } from '../../core/message.js';
import { type Html, html } from '../html.js';
import { richHtml, type Words } from '../words.js';
import { domainName, topicHref } from './bulles-map.js';
import { STATUS_LABELS } from './labels.js';

const back = (w: Words) => html`<p><a class="fr-link" href="/bulles">${w.t('pages.bulles.back')}</a></p>`;

const people = (w: Words, names: readonly string[]) =>
  names.length
    ? html`<ul>${names.map((n) => html`<li>${n}</li>`)}</ul>`
    : html`<p>${w.t('pages.bulles.nobody')}</p>`;

/**
 * A topic's detail: who shares it, who wants to learn it (names sorted), and « Je cherche ça », or the person's
 * request already in play on it.
 */
export function topicBody(
  w: Words,
  topic: PlacedTopic,
  names: { share: string[]; learn: string[] },
  mine: BulleRequest | undefined,
): Html {
  const domain = domainName(w, topic.domain);
  const ask = mine
    ? html`<p>${w.t('pages.bulles.alreadyAsked', { label: topic.label, status: w.text(STATUS_LABELS[mine.status]) })} <a href="/moi">${w.t('pages.bulles.myRequests')}</a>.</p>`
    : html`<p>${w.t('pages.bulles.askHow')}</p>
<p><a class="fr-btn" href="${topicHref(topic)}&amp;chercher=1">${w.t('pages.bulles.ask')}<span class="fr-sr-only">${w.t('pages.colonDetail', { detail: topic.label })}</span></a></p>`;
  return html`${back(w)}<h1>${topic.label}</h1>
<p>${topic.theme ? w.t('pages.bulles.domainTheme', { domain, theme: topic.theme }) : w.t('pages.bulles.domain', { domain })}</p>
<h2>${w.t('pages.bulles.sharers', { count: names.share.length })}</h2>${people(w, names.share)}
<h2>${w.t('pages.bulles.learners', { count: names.learn.length })}</h2>${people(w, names.learn)}
<h2>${w.t('pages.bulles.askHeading')}</h2>${ask}`;
}

/** What the request form shows: the topic and details to send (prefilled, or as typed), and why it came back. */
export interface RequestDraft {
  topic: string;
  details: string;
  problem?: Html;
}

/**
 * The « Je cherche ça » form, prefilled: what `/bulle cherche <compétence> — <précisions>` would send, to confirm.
 * It carries the session's CSRF token; a refusal comes back here with the same words as in the chat.
 */
export function requestForm(w: Words, draft: RequestDraft, csrf: string, cancel: string): Html {
  return html`${back(w)}<h1>${w.t('pages.bulles.formTitle')}</h1>
${
  draft.problem
    ? html`<div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><h2 class="fr-alert__title">${w.t('pages.bulles.notSent')}</h2><p>${draft.problem}</p></div>`
    : ''
}
<p>${w.t('pages.bulles.formHow')}</p>
<form method="post" action="/bulles">
<input type="hidden" name="csrf" value="${csrf}">
<div class="fr-input-group"><label class="fr-label" for="competence">${w.t('pages.bulles.fieldSkill')}</label>
<input class="fr-input" id="competence" name="competence" type="text" required value="${draft.topic}"></div>
<div class="fr-input-group"><label class="fr-label" for="precisions">${w.t('pages.bulles.fieldDetails')}<span class="fr-hint-text">${w.t('pages.bulles.fieldDetailsHint')}</span></label>
<textarea class="fr-input" id="precisions" name="precisions" rows="4">${draft.details}</textarea></div>
<ul class="fr-btns-group fr-btns-group--inline"><li><button class="fr-btn" type="submit">${w.t('pages.bulles.send')}</button></li>
<li><a class="fr-btn fr-btn--secondary" href="${cancel}">${w.t('pages.bulles.cancel')}</a></li></ul>
</form>`;
}

/** The answer to a request sent from the form: the same lines as `/bulle cherche` answers in the chat. */
export function requestSent(w: Words, lines: readonly Rich[]): Html {
  return html`<h1>${w.t('pages.bulles.sent')}</h1>
<div class="fr-alert fr-alert--success fr-mb-3w">${lines.map((l) => html`<p>${richHtml(l)}</p>`)}</div>
<p><a href="/moi">${w.t('pages.bulles.myRequests')}</a> · <a href="/bulles">${w.t('pages.bulles.back')}</a></p>`;
}
