import { isInPlay } from '../../core/bulle/store.js';
import type { RsvpState } from '../../core/sessions/store.js';
import { formatDay } from '../../core/time/format.js';
import { localDate } from '../../core/time/local.js';
import { html } from '../html.js';
import type { PageDef } from '../routes.js';
import { STATUS_LABELS } from './labels.js';
import { standupSection } from './moi-standup.js';

const ANSWER: Record<RsvpState, string> = {
  yes: 'je viens',
  maybe: 'peut-être',
  no: 'je ne viens pas',
  waiting: 'liste d’attente',
};

/**
 * `/moi`, my week: my stand-up this week (written or not, its deadline) and my last ones, my bubbles and my
 * requests in play, my next sessions with my answer, and how to export or erase my data. Everything read through the same services as the chat commands.
 */
export const moiPage: PageDef = {
  async view({ person }, { services }) {
    const tz = services.roster.data.timezone;
    const today = localDate(services.clock.now(), tz);
    const [standup, skills, requests, sessions] = await Promise.all([
      standupSection(person, services),
      services.bulle.skillsOf(person.email),
      services.bulle.requestsOf(person.email),
      services.sessions.all(),
    ]);
    const upcoming = sessions.filter((s) => !s.cancelled && s.date >= today).slice(0, 5);
    const answers = await Promise.all(upcoming.map((s) => services.sessions.answers(s.id)));
    const inPlay = requests.filter((r) => isInPlay(r.status));
    return {
      title: 'Ma semaine',
      body: html`<h1>Ma semaine</h1>
<p>Bonjour ${person.name}.</p>
${standup}
<h2>Mes bulles</h2>
${
  skills.length
    ? html`<ul>${skills.map((s) => html`<li>${s.kind === 'share' ? 'Je partage' : 'Je veux apprendre'} : ${s.label}</li>`)}</ul>`
    : html`<p>Aucune bulle. Dans le chat : <code>/bulle partage &lt;compétence&gt;</code>.</p>`
}
<div class="fr-table"><table><caption>Mes demandes en cours (${inPlay.length})</caption>
<thead><tr><th scope="col">Compétence</th><th scope="col">Où en est-elle</th></tr></thead>
<tbody>${inPlay.map((r) => html`<tr><td>${r.label}</td><td>${STATUS_LABELS[r.status]}</td></tr>`)}</tbody></table></div>
<div class="fr-table"><table><caption>Mes prochaines sessions</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Session</th><th scope="col">Ma réponse</th></tr></thead>
<tbody>${upcoming.map((s, i) => {
        const answer = answers[i]?.get(person.email);
        return html`<tr><td>${formatDay(s.date, tz, 'fr')}, ${s.start}</td><td>${s.title}</td><td>${answer ? ANSWER[answer] : 'pas de réponse'}</td></tr>`;
      })}</tbody></table></div>
<h2>Mes données</h2>
<p>Dans le chat, <code>/cohorte mes-donnees</code> vous envoie tout ce que Cohorte garde sur vous ; <code>/cohorte oublier</code> l’efface.</p>`,
    };
  },
};
