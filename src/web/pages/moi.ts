import { isInPlay } from '../../core/bulle/store.js';
import type { MessageKey } from '../../core/i18n/index.js';
import type { RsvpState } from '../../core/sessions/store.js';
import { formatDay } from '../../core/time/format.js';
import { localDate } from '../../core/time/local.js';
import { html } from '../html.js';
import type { PageDef } from '../routes.js';
import { STATUS_LABELS } from './labels.js';
import { dataSection, dataView, eraseSubmit } from './moi-data.js';
import { standupSection } from './moi-standup.js';

const ANSWER: Record<RsvpState, MessageKey> = {
  yes: 'pages.moi.answerYes',
  maybe: 'pages.moi.answerMaybe',
  no: 'pages.moi.answerNo',
  waiting: 'pages.moi.answerWaiting',
};

/**
 * `/moi`, my week: my stand-up this week (written or not, its deadline) and my last ones, my bubbles and my
 * requests in play, my next sessions with my answer, and my data: a download and an erasure (confirmed, CSRF),
 * the same as the chat's. Everything read through the same services as the chat commands.
 */
export const moiPage: PageDef = {
  submit: eraseSubmit,
  async view(visitor, request) {
    const data = await dataView(visitor, request);
    if (data === 'sent') return undefined;
    if (data) return data;
    const { person } = visitor;
    const { services, words: w } = request;
    const tz = services.roster.data.timezone;
    const today = localDate(services.clock.now(), tz);
    const [standup, skills, requests, sessions] = await Promise.all([
      standupSection(person, services, w),
      services.bulle.skillsOf(person.email),
      services.bulle.requestsOf(person.email),
      services.sessions.all(),
    ]);
    const upcoming = sessions.filter((s) => !s.cancelled && s.date >= today).slice(0, 5);
    const answers = await Promise.all(upcoming.map((s) => services.sessions.answers(s.id)));
    const inPlay = requests.filter((r) => isInPlay(r.status));
    const title = w.text('pages.moi.title');
    return {
      title,
      body: html`<h1>${title}</h1>
<p>${w.t('pages.moi.hello', { name: person.name })}</p>
${standup}
<h2>${w.t('pages.moi.bubbles')}</h2>
${
  skills.length
    ? html`<ul>${skills.map((s) => html`<li>${w.t(s.kind === 'share' ? 'pages.moi.share' : 'pages.moi.learn', { label: s.label })}</li>`)}</ul>`
    : html`<p>${w.t('pages.moi.noBubble')}</p>`
}
<div class="fr-table"><table><caption>${w.t('pages.moi.requests', { count: inPlay.length })}</caption>
<thead><tr><th scope="col">${w.t('pages.moi.colSkill')}</th><th scope="col">${w.t('pages.moi.colStatus')}</th></tr></thead>
<tbody>${inPlay.map((r) => html`<tr><td>${r.label}</td><td>${w.t(STATUS_LABELS[r.status])}</td></tr>`)}</tbody></table></div>
<div class="fr-table"><table><caption>${w.t('pages.moi.sessions')}</caption>
<thead><tr><th scope="col">${w.t('pages.moi.colDate')}</th><th scope="col">${w.t('pages.moi.colSession')}</th><th scope="col">${w.t('pages.moi.colAnswer')}</th></tr></thead>
<tbody>${upcoming.map((s, i) => {
        const answer = answers[i]?.get(person.email);
        return html`<tr><td>${w.t('pages.dayAt', { day: formatDay(s.date, tz, w.locale), time: s.start })}</td><td>${s.title}</td><td>${w.t(answer ? ANSWER[answer] : 'pages.moi.noAnswer')}</td></tr>`;
      })}</tbody></table></div>
${dataSection(w)}`,
    };
  },
};
