import { formatDay } from '../../core/time/format.js';
import type { Dashboard, Section } from './tableau-table.js';

/** The next sessions with their headcount, waiting list and seats. */
export async function sessionsSection(d: Dashboard): Promise<Section> {
  const { w, services } = d;
  const tz = services.roster.data.timezone;
  const upcoming = (await services.sessions.all()).filter((s) => !s.cancelled && s.date >= d.today);
  const counts = await Promise.all(upcoming.map((s) => services.sessions.headcount(s.id)));
  return {
    title: w.text('pages.tableau.sessionsTitle'),
    tables: [
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
    ],
  };
}
