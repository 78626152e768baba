import { addCalendarDays } from './core/calendar/holidays.js';
import type { Services } from './core/ports.js';
import { sessionIcs, sessionsFeed } from './core/sessions/calendar.js';
import { localDate } from './core/standup/period.js';
import type { Route } from './http.js';

/** How long a cancelled or past session stays in the feed, so subscribed calendars see its last state. */
const KEPT_DAYS = 30;

/**
 * `GET /calendar.ics`: the feed of sessions (upcoming, and those of the last 30 days, cancelled ones marked so), for
 * calendars to subscribe to; `?session=<id>` gives one session's `.ics` (METHOD:CANCEL once cancelled).
 */
export function calendarRoute(services: Services): Route {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const id = new URL(req.url ?? '/', 'http://cohorte').searchParams.get('session');
    const now = services.clock.now();
    let body: string;
    if (id) {
      const session = await services.sessions.get(id);
      if (!session) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('session inconnue\n');
        return;
      }
      body = sessionIcs(session, now);
    } else {
      const since = addCalendarDays(localDate(now, services.roster.data.timezone), -KEPT_DAYS);
      body = sessionsFeed(
        (await services.sessions.all()).filter((s) => s.date >= since),
        now,
      );
    }
    res
      .writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="${id ? `session-${id}` : 'sessions'}.ics"`,
        'cache-control': 'no-cache',
      })
      .end(req.method === 'HEAD' ? undefined : body);
  };
}
