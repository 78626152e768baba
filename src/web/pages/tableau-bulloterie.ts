import { type BulleRequest, isInPlay } from '../../core/bulle/store.js';
import type { MessageKey } from '../../core/i18n/index.js';
import { type Funnel, funnelOf, PREVIOUS_MATCHING } from '../../core/pages/funnel.js';
import { promotionIdsOf } from '../../core/roster/roster.js';
import { html } from '../html.js';
import { statusWords } from './labels.js';
import { ageDays, type Dashboard, type Section } from './tableau-table.js';

/** How many requests the funnel reads: every one, the newest first (the store keeps them all). */
const FUNNEL_SPAN = 100_000;

/** Every bulloterie request, read once for the dashboard. */
export const allRequests = (d: Pick<Dashboard, 'services'>): Promise<BulleRequest[]> =>
  d.services.bulle.recent(FUNNEL_SPAN);

/** The funnel's stages in order, each with its words. */
const STAGES: readonly [MessageKey, keyof Pick<Funnel, 'requests' | 'proposed' | 'accepted' | 'met'>][] = [
  ['pages.tableau.stageRequests', 'requests'],
  ['pages.tableau.stageProposed', 'proposed'],
  ['pages.tableau.stageAccepted', 'accepted'],
  ['pages.tableau.stageMet', 'met'],
];

/**
 * The requests of everyone, then of each promotion in the file's order (the most recent first): a request counts
 * in the promotions of the person who asked (see {@link promotionIdsOf}), roles given in chat included.
 */
async function byPromotion(d: Dashboard, requests: readonly BulleRequest[]) {
  const { roster } = d.services;
  const granted = await d.services.people.granted();
  const promotionsOf = new Map<string, Set<string>>();
  const askedIn = (email: string) => {
    let ids = promotionsOf.get(email);
    if (!ids) {
      ids = promotionIdsOf(roster.person(email, granted.get(email) ?? [], d.now));
      promotionsOf.set(email, ids);
    }
    return ids;
  };
  return [
    { name: d.w.text('pages.tableau.everyone'), requests },
    ...roster.data.promotions.map((p) => ({
      name: p.name,
      requests: requests.filter((r) => askedIn(r.email).has(p.id)),
    })),
  ];
}

/**
 * The bulloterie: its funnel (requests → proposed → accepted → exchange confirmed) for everyone and for each
 * promotion, its pace against the previous buddy matching (8 days, 6 people asked), and the requests in play with
 * their age.
 */
export async function bulloterieSection(d: Dashboard): Promise<Section> {
  const { w } = d;
  const requests = await d.requests;
  const funnel = funnelOf(requests);
  const number = new Intl.NumberFormat(w.locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(w.locale, { style: 'percent' });
  const funnelRows = (await byPromotion(d, requests)).flatMap(({ name, requests: asked }) => {
    const counts = funnelOf(asked);
    const share = (n: number) => percent.format(counts.requests ? n / counts.requests : 0);
    return STAGES.map(([key, stage]) => [name, w.text(key), String(counts[stage]), share(counts[stage])]);
  });
  const measured = (value: number | undefined) =>
    value === undefined ? w.text('pages.tableau.none') : number.format(value);
  const status = statusWords(w);
  const inPlay = requests
    .filter((r) => isInPlay(r.status))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return {
    title: w.text('pages.tableau.bulloterie'),
    intro: html`<p>${w.t('pages.tableau.funnelLegend')}</p>`,
    tables: [
      {
        id: 'entonnoir',
        caption: w.text('pages.tableau.funnel'),
        head: [
          w.text('pages.tableau.colPromotion'),
          w.text('pages.tableau.colStage'),
          w.text('pages.tableau.colCount'),
          w.text('pages.tableau.colShare'),
        ],
        rows: funnelRows,
        rowHeaders: true,
      },
      {
        id: 'rythme',
        caption: w.text('pages.tableau.pace'),
        head: [
          w.text('pages.tableau.colMeasure'),
          w.text('pages.tableau.colCohorte'),
          w.text('pages.tableau.colPrevious'),
        ],
        rows: [
          [
            w.text('pages.tableau.medianDays'),
            measured(funnel.medianDays),
            number.format(PREVIOUS_MATCHING.medianDays),
          ],
          [
            w.text('pages.tableau.askedAverage'),
            measured(funnel.askedAverage),
            number.format(PREVIOUS_MATCHING.askedAverage),
          ],
        ],
        rowHeaders: true,
      },
      {
        id: 'demandes',
        caption: w.text('pages.tableau.requests'),
        head: [
          w.text('pages.tableau.colSkill'),
          w.text('pages.tableau.colStatus'),
          w.text('pages.tableau.colAgeDays'),
        ],
        rows: inPlay.map((r) => [r.label, status[r.status], ageDays(d, r.createdAt)]),
      },
    ],
  };
}
