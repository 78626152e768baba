import type { Balance, PlacedTopic } from '../../core/bulle/map.js';
import { balanceCircle, bubbleSvg } from '../bubble-svg.js';
import { type Html, html } from '../html.js';
import type { Words } from '../words.js';

const BALANCES: Balance[] = ['share', 'even', 'learn'];

/** The address of a topic's detail. */
export const topicHref = (topic: Pick<PlacedTopic, 'key'>): string =>
  `/bulles?competence=${encodeURIComponent(topic.key)}`;

/** A domain's name, as `/bulle carte` says it. */
export const domainName = (w: Words, domain: PlacedTopic['domain']): string =>
  w.text(`bulle.domain.${domain}`);

const legend = (w: Words) => html`<div class="fr-mb-3w"><p class="fr-mb-1w">${w.t('pages.bulles.legend')}</p>
<ul class="fr-raw-list">${BALANCES.map(
  (b) =>
    html`<li><svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">${balanceCircle(b, 14, 14, 11)}</svg> ${w.t(`pages.bulles.balance.${b}`)}</li>`,
)}</ul></div>`;

function table(w: Words, topics: readonly PlacedTopic[]): Html {
  const cols = ['colDomain', 'colTheme', 'colSkill', 'colShare', 'colLearn', 'colWho'] as const;
  return html`<div class="fr-table"><table><caption>${w.t('pages.bulles.table', { count: topics.length })}</caption>
<thead><tr>${cols.map((c) => html`<th scope="col">${w.t(`pages.bulles.${c}`)}</th>`)}</tr></thead>
<tbody>${topics.map(
    (t) =>
      html`<tr><td>${domainName(w, t.domain)}</td><td>${t.theme ?? w.text('pages.bulles.noTheme')}</td><td>${t.label}</td><td>${t.share.length}</td><td>${t.learn.length}</td><td><a href="${topicHref(t)}">${w.t('pages.bulles.see')}<span class="fr-sr-only">${w.t('pages.bulles.seeWhat', { label: t.label })}</span></a></td></tr>`,
  )}</tbody></table></div>`;
}

/**
 * The bubble map: the legend, the SVG map (each bubble a link to its topic) and, beside it, the same topics as a
 * table, the accessible alternative with the same links.
 */
export function mapBody(w: Words, topics: readonly PlacedTopic[]): Html {
  const intro = html`<h1>${w.t('pages.bulles.title')}</h1>
<p>${w.t('pages.bulles.intro')}</p>`;
  if (!topics.length) return html`${intro}<p>${w.t('pages.bulles.empty')}</p>`;
  const svg = bubbleSvg(topics, {
    title: w.text('pages.bulles.svgTitle', { count: topics.length }),
    domain: (d) => domainName(w, d),
    href: topicHref,
    name: (t) =>
      w.text('pages.bulles.bubble', {
        label: t.label,
        people: t.people,
        share: t.share.length,
        learn: t.learn.length,
      }),
  });
  return html`${intro}${legend(w)}
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-lg-6">${svg}</div>
<div class="fr-col-12 fr-col-lg-6">${table(w, topics)}</div>
</div>`;
}
