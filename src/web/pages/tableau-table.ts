import type { BulleRequest } from '../../core/bulle/store.js';
import type { QueueMonitor, Services } from '../../core/ports.js';
import { calendarDaysBetween } from '../../core/time/days.js';
import { localDate } from '../../core/time/local.js';
import { type Html, html } from '../html.js';
import type { Words } from '../words.js';

/**
 * One table of the dashboard: its caption, header and rows (text), shown as HTML and downloadable as CSV with the
 * same cells. With `rowHeaders`, each row's first cell names the row (`<th scope="row">`).
 */
export interface Table {
  id: string;
  caption: string;
  head: string[];
  rows: string[][];
  rowHeaders?: boolean;
}

/** One section of the dashboard: a heading, words before its tables, and the tables. */
export interface Section {
  title: string;
  intro?: Html;
  tables: Table[];
}

/** What every section reads: the services, the visitor's words, today, and what several sections share. */
export interface Dashboard {
  services: Services;
  queues: QueueMonitor;
  w: Words;
  now: Date;
  /** The community's calendar day now, `yyyy-MM-dd`. */
  today: string;
  /** Every bulloterie request (read once: the funnel, the requests in play and the help requests use them). */
  requests: Promise<BulleRequest[]>;
}

const cellHtml = (cell: string, i: number, rowHeaders: boolean | undefined) =>
  i === 0 && rowHeaders ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`;

/** A table as DSFR HTML, with its CSV download link under it. */
export const tableHtml = (t: Table, w: Words): Html =>
  html`<div class="fr-table"><table id="${t.id}"><caption>${t.caption} (${t.rows.length})</caption>
<thead><tr>${t.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${t.rows.map((r) => html`<tr>${r.map((c, i) => cellHtml(c, i, t.rowHeaders))}</tr>`)}</tbody></table></div>
<p><a class="fr-link fr-link--download" href="/tableau?csv=${t.id}" download>${w.t('pages.csv', { caption: t.caption })}</a></p>`;

/** A section as HTML. */
export const sectionHtml = (s: Section, w: Words): Html =>
  html`<h2>${s.title}</h2>${s.intro ?? ''}${s.tables.map((t) => tableHtml(t, w))}`;

/** How many calendar days ago an instant was (ISO), in the community's timezone: an age as the dashboard shows it. */
export const ageDays = (d: Dashboard, at: string): string =>
  String(calendarDaysBetween(localDate(new Date(at), d.services.roster.data.timezone), d.today));
