import { placeTopics, topicsOnMap } from '../../core/bulle/map.js';
import { communitySkills } from '../../core/bulle/members.js';
import { nameOf } from '../../core/bulle/notify.js';
import { seekHelp } from '../../core/bulle/seek.js';
import { isInPlay } from '../../core/bulle/store.js';
import { thesaurusOf } from '../../core/bulle/world.js';
import { UserError } from '../../core/errors.js';
import { translator } from '../../core/i18n/index.js';
import type { Services } from '../../core/ports.js';
import { queryOf } from '../../http.js';
import { html } from '../html.js';
import type { PageDef } from '../routes.js';
import { mapBody, topicHref } from './bulles-map.js';
import { requestForm, requestSent, topicBody } from './bulles-topic.js';

/** The topics on the map now: only people in the community, placed under their domain and theme. */
const topicsNow = async (services: Services) =>
  placeTopics(topicsOnMap(await communitySkills(services)), thesaurusOf(services));

/**
 * `/bulles`, for everyone with a session: the bubble map and its table; `?competence=<key>` one topic, who shares
 * it and who wants to learn it; `&chercher=1` the « Je cherche ça » form, prefilled. The form's `POST` opens the
 * request through {@link seekHelp}, as `/bulle cherche` does: same checks, same answer, same follow-up in chat.
 */
export const bullesPage: PageDef = {
  async view({ person, session }, { services, req, words: w }) {
    const query = queryOf(req);
    const key = query.get('competence');
    const topics = await topicsNow(services);
    if (key === null) return { title: w.text('pages.bulles.title'), body: mapBody(w, topics) };
    const topic = topics.find((t) => t.key === key);
    if (!topic) {
      const title = w.text('pages.bulles.unknownTitle');
      return {
        title,
        body: html`<h1>${title}</h1><p>${w.t('pages.bulles.unknown')} <a href="/bulles">${w.t('pages.bulles.back')}</a>.</p>`,
      };
    }
    if (query.has('chercher'))
      return {
        title: `${w.text('pages.bulles.formTitle')}${w.text('pages.colonDetail', { detail: topic.label })}`,
        body: requestForm(w, { topic: topic.label, details: '' }, session.csrf, topicHref(topic)),
      };
    const byName = (emails: string[]) =>
      emails.map((e) => nameOf(services, e)).sort((a, b) => a.localeCompare(b));
    const mine = (await services.bulle.requestsOf(person.email)).find(
      (r) => r.key === topic.key && isInPlay(r.status),
    );
    return {
      title: topic.label,
      body: topicBody(w, topic, { share: byName(topic.share), learn: byName(topic.learn) }, mine),
    };
  },

  async submit({ person, session }, { services, form, words: w }) {
    const draft = {
      topic: (form.get('competence') ?? '').trim(),
      details: (form.get('precisions') ?? '').trim(),
    };
    try {
      const lines = await seekHelp(services, translator(w.locale), person.email, draft.topic, draft.details);
      return { status: 200, title: w.text('pages.bulles.sent'), body: requestSent(w, lines) };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const problem = w.t(error.key, error.params);
      return {
        status: 400,
        title: w.text('pages.bulles.notSent'),
        body: requestForm(w, { ...draft, problem }, session.csrf, '/bulles'),
      };
    }
  },
};
