import { type BulleRequest, isInPlay } from '../../core/bulle/store.js';
import type { MessageKey } from '../../core/i18n/index.js';
import { funnelOf, PREVIOUS_MATCHING } from '../../core/pages/funnel.js';
import { statusWords } from './labels.js';
import { ageDays, type Dashboard, type Section } from './tableau-table.js';

/** How many requests the funnel reads: every one, the newest first (the store keeps them all). */
const FUNNEL_SPAN = 100_000;

/** Every bulloterie request, read once for the dashboard. */
export const allRequests = (d: Pick<Dashboard, 'services'>): Promise<BulleRequest[]> =>
  d.services.bulle.recent(FUNNEL_SPAN);

/**
 * The bulloterie: its funnel (requests → proposed → accepted → exchange confirmed), its pace against the previous
 * buddy matching (8 days, 6 people asked), and the requests in play with their age.
 */
export async function bulloterieSection(d: Dashboard): Promise<Section> {
  const { w } = d;
  const requests = await d.requests;
  const funnel = funnelOf(requests);
  const number = new Intl.NumberFormat(w.locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(w.locale, { style: 'percent' });
  const share = (n: number) => percent.format(funnel.requests ? n / funnel.requests : 0);
  const stage = (key: MessageKey, n: number) => [w.text(key), String(n), share(n)];
  const measured = (value: number | undefined) =>
    value === undefined ? w.text('pages.tableau.none') : number.format(value);
  const status = statusWords(w);
  const inPlay = requests
    .filter((r) => isInPlay(r.status))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return {
    title: w.text('pages.tableau.bulloterie'),
    tables: [
      {
        id: 'entonnoir',
        caption: w.text('pages.tableau.funnel'),
        head: [
          w.text('pages.tableau.colStage'),
          w.text('pages.tableau.colCount'),
          w.text('pages.tableau.colShare'),
        ],
        rows: [
          stage('pages.tableau.stageRequests', funnel.requests),
          stage('pages.tableau.stageProposed', funnel.proposed),
          stage('pages.tableau.stageAccepted', funnel.accepted),
          stage('pages.tableau.stageMet', funnel.met),
        ],
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
