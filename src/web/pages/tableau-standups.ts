import { requestIdOf } from '../../core/bulle/lifecycle.js';
import type { BulleRequest } from '../../core/bulle/store.js';
import type { MessageKey } from '../../core/i18n/index.js';
import { meteoTrend, type Trend } from '../../core/pages/meteo-trend.js';
import {
  ATTENDANCES,
  type Attendance,
  type DefiPeriod,
  type PromotionWeeks,
  promotionWeeks,
} from '../../core/pages/standup-weeks.js';
import { ritualOf } from '../../core/standup/context.js';
import { html } from '../html.js';
import type { Words } from '../words.js';
import { STATUS_LABELS } from './labels.js';
import { ageDays, type Dashboard, type Section, type Table } from './tableau-table.js';

const ATTENDANCE_WORDS: Record<Attendance, MessageKey> = {
  posted: 'pages.tableau.posted',
  late: 'pages.tableau.late',
  absent: 'pages.tableau.absent',
  silent: 'pages.tableau.silent',
};

const TREND_WORDS: Record<Trend, MessageKey> = {
  better: 'pages.tableau.trendBetter',
  steady: 'pages.tableau.trendSteady',
  worse: 'pages.tableau.trendWorse',
  unknown: 'pages.tableau.trendUnknown',
};

/** A grid cell in words, not colour: « 2 à temps, 1 silencieux » (zeros left out). */
const cellText = (cell: DefiPeriod, w: Words): string =>
  ATTENDANCES.filter((a) => cell.counts[a] > 0)
    .map((a) => w.text(ATTENDANCE_WORDS[a], { count: cell.counts[a] }))
    .join(', ') || w.text('pages.tableau.nobody');

/** A period's column header: its first day, `23/11`. */
const periodHeader = (start: string): string => `${start.slice(8, 10)}/${start.slice(5, 7)}`;

/**
 * The help requests of the weeks still waiting for a helper: nobody clicked *Trouver quelqu'un* yet, or the
 * bulloterie request it opened is still open or proposed.
 */
function openHelp(weeks: PromotionWeeks, requests: ReadonlyMap<string, BulleRequest>, d: Dashboard): Table {
  const { w, services } = d;
  const promotion = weeks.promotion.name;
  const names = new Map(weeks.defis.map(({ defi }) => [defi.id, defi.name]));
  const rows = weeks.help.flatMap((help) => {
    const request = requests.get(requestIdOf(`standup|${help.id}`));
    if (request && request.status !== 'open' && request.status !== 'proposed') return [];
    return [
      [
        names.get(help.defiId) ?? help.defiId,
        services.roster.person(help.email, [], d.now).name,
        help.text,
        ageDays(d, help.at),
        request ? w.text(STATUS_LABELS[request.status]) : w.text('pages.tableau.helpUnsought'),
      ],
    ];
  });
  return {
    id: `aide-${weeks.promotion.id}`,
    caption: w.text('pages.tableau.help', { promotion }),
    head: [
      w.text('pages.tableau.colDefi'),
      w.text('pages.tableau.colPerson'),
      w.text('pages.tableau.colRequest'),
      w.text('pages.tableau.colAgeDays'),
      w.text('pages.tableau.colStatus'),
    ],
    rows,
  };
}

/** One promotion's section: the participation grid, the météo and its trend, the open help requests. */
function promotionSection(
  weeks: PromotionWeeks,
  requests: ReadonlyMap<string, BulleRequest>,
  d: Dashboard,
): Section {
  const { w } = d;
  const promotion = weeks.promotion.name;
  const title = w.text('pages.tableau.standups', { promotion });
  if (!weeks.periods.length)
    return { title, intro: html`<p>${w.t('pages.tableau.noPeriod')}</p>`, tables: [] };
  const columns = weeks.periods.map((p) => periodHeader(p.start));
  const choices = weeks.ritual.questions.find((q) => q.kind === 'choice')?.choices ?? [];
  const none = w.text('pages.tableau.none');
  return {
    title,
    intro: html`<p>${w.t('pages.tableau.gridLegend')}</p><p>${w.t('pages.tableau.meteoLegend')}</p><p>${w.t('pages.tableau.helpLegend')}</p>`,
    tables: [
      {
        id: `grille-${weeks.promotion.id}`,
        caption: w.text('pages.tableau.grid', { promotion }),
        head: [w.text('pages.tableau.colDefi'), ...columns],
        rows: weeks.defis.map(({ defi, periods }) => [defi.name, ...periods.map((c) => cellText(c, w))]),
        rowHeaders: true,
      },
      {
        id: `meteo-${weeks.promotion.id}`,
        caption: w.text('pages.tableau.meteo', { promotion }),
        head: [w.text('pages.tableau.colDefi'), ...columns, w.text('pages.tableau.colTrend')],
        rows: weeks.defis.map(({ defi, periods }) => [
          defi.name,
          ...periods.map((c) => c.moods.join(' ') || none),
          w.text(
            TREND_WORDS[
              meteoTrend(
                periods.map((c) => c.moods),
                choices,
              )
            ],
          ),
        ]),
        rowHeaders: true,
      },
      openHelp(weeks, requests, d),
    ],
  };
}

/** A section per promotion with a stand-up ritual, in the file's order (the most recent first). */
export async function standupSections(d: Dashboard): Promise<Section[]> {
  const data = d.services.roster.data;
  const [all, requests] = await Promise.all([
    Promise.all(
      data.promotions.flatMap((promotion) => {
        const ritual = ritualOf(data, promotion.id);
        return ritual ? [promotionWeeks(d.services, ritual, promotion)] : [];
      }),
    ),
    d.requests,
  ]);
  const byId = new Map(requests.map((r) => [r.id, r]));
  return all.map((weeks) => promotionSection(weeks, byId, d));
}
