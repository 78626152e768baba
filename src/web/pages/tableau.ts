import { calendarDaysBetween } from '../../core/time/days.js';
import { formatDay } from '../../core/time/format.js';
import { localDate } from '../../core/time/local.js';
import { html } from '../html.js';
import { sendCsv } from '../respond.js';
import type { PageDef } from '../routes.js';
import type { Words } from '../words.js';
import { STATUS_LABELS } from './labels.js';

/** One table of the dashboard: its caption, header and rows (text), shown as HTML and downloadable as CSV. */
interface Table {
  id: string;
  caption: string;
  head: string[];
  rows: string[][];
}

const tableHtml = (t: Table, w: Words) =>
  html`<div class="fr-table"><table id="${t.id}"><caption>${t.caption} (${t.rows.length})</caption>
<thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${t.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table></div>
<p><a class="fr-link fr-link--download" href="/tableau?csv=${t.id}" download>${w.t('pages.csv', { caption: t.caption })}</a></p>`;

/**
 * `/tableau`, for coordinators: the next sessions with headcount and waiting list, and the bulloterie requests in
 * play with their age. `?csv=<table>` downloads one table, with the same rows as shown.
 */
export const tableauPage: PageDef = {
  coordinatorsOnly: true,
  async view(_visitor, { services, req, res, words: w }) {
    const tz = services.roster.data.timezone;
    const today = localDate(services.clock.now(), tz);
    const [sessions, active] = await Promise.all([services.sessions.all(), services.bulle.active()]);
    const upcoming = sessions.filter((s) => !s.cancelled && s.date >= today);
    const counts = await Promise.all(upcoming.map((s) => services.sessions.headcount(s.id)));
    const tables: Table[] = [
      {
        id: 'sessions',
        caption: w.text('pages.tableau.sessions'),
        head: [
          w.text('pages.tableau.colDate'),
          w.text('pages.tableau.colSession'),
          w.text('pages.tableau.colYes'),
          w.text('pages.tableau.colMaybe'),
          w.text('pages.tableau.colWaiting'),
          w.text('pages.tableau.colCapacity'),
        ],
        rows: upcoming.map((s, i) => [
          formatDay(s.date, tz, w.locale),
          s.title,
          String(counts[i]?.yes ?? 0),
          String(counts[i]?.maybe ?? 0),
          String(counts[i]?.waiting ?? 0),
          s.capacity === undefined ? w.text('pages.tableau.noLimit') : String(s.capacity),
        ]),
      },
      {
        id: 'demandes',
        caption: w.text('pages.tableau.requests'),
        head: [
          w.text('pages.tableau.colSkill'),
          w.text('pages.tableau.colStatus'),
          w.text('pages.tableau.colAgeDays'),
        ],
        rows: active.map((r) => [
          r.label,
          w.text(STATUS_LABELS[r.status]),
          String(calendarDaysBetween(localDate(new Date(r.createdAt), tz), today)),
        ]),
      },
    ];
    const wanted = new URL(req.url ?? '/', 'http://cohorte').searchParams.get('csv');
    const csv = tables.find((t) => t.id === wanted);
    if (csv) {
      sendCsv(res, `cohorte-${csv.id}-${today}.csv`, [csv.head, ...csv.rows]);
      return undefined;
    }
    return {
      title: w.text('pages.tableau.title'),
      body: html`<h1>${w.t('pages.tableau.heading')}</h1>${tables.map((t) => tableHtml(t, w))}`,
    };
  },
};
