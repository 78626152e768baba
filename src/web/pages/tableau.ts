import { localDate } from '../../core/time/local.js';
import { queryOf } from '../../http.js';
import { html } from '../html.js';
import { sendCsv } from '../respond.js';
import type { PageDef } from '../routes.js';
import { announcementsSection } from './tableau-announcements.js';
import { allRequests, bulloterieSection } from './tableau-bulloterie.js';
import { queuesSection } from './tableau-queues.js';
import { sessionsSection } from './tableau-sessions.js';
import { standupSections } from './tableau-standups.js';
import { type Dashboard, sectionHtml } from './tableau-table.js';

/**
 * `/tableau`, for coordinators: per promotion, the stand-ups of the last 12 weeks (participation grid, météo and
 * its trend, open help requests); the bulloterie's funnel and pace; the next sessions; the announcements and their
 * delivery; the queues' health. `?csv=<table>` downloads one table with the same cells as shown.
 */
export const tableauPage: PageDef = {
  coordinatorsOnly: true,
  async view(_visitor, { services, queues, req, res, words: w }) {
    const now = services.clock.now();
    const base = { services, queues, w, now, today: localDate(now, services.roster.data.timezone) };
    const d: Dashboard = { ...base, requests: allRequests(base) };
    const sections = (
      await Promise.all([
        standupSections(d),
        bulloterieSection(d).then((s) => [s]),
        sessionsSection(d).then((s) => [s]),
        announcementsSection(d).then((s) => [s]),
        queuesSection(d).then((s) => [s]),
      ])
    ).flat();
    const wanted = queryOf(req).get('csv');
    const csv = sections.flatMap((s) => s.tables).find((t) => t.id === wanted);
    if (csv) {
      sendCsv(res, `cohorte-${csv.id}-${d.today}.csv`, [csv.head, ...csv.rows]);
      return undefined;
    }
    return {
      title: w.text('pages.tableau.title'),
      body: html`<h1>${w.t('pages.tableau.heading')}</h1>${sections.map((s) => sectionHtml(s, w))}`,
    };
  },
};
