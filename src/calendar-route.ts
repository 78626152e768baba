import { createHash, timingSafeEqual } from 'node:crypto';
import type { Services } from './core/ports.js';
import { sessionIcs, sessionsFeed } from './core/sessions/calendar.js';
import { addCalendarDays } from './core/time/days.js';
import { localDate } from './core/time/local.js';
import { queryOf, type Route } from './http.js';

/** How long a cancelled or past session stays in the feed, so subscribed calendars see its last state. */
const KEPT_DAYS = 30;

/** The feed's address for links: `PUBLIC_URL/calendar.ics`, with its token when one is set. */
export const calendarFeedUrl = (
  publicUrl: string | undefined,
  token: string | undefined,
): string | undefined => publicUrl && `${publicUrl}/calendar.ics${token ? `?token=${token}` : ''}`;

/** Whether `given` is the token, in constant time. */
function sameToken(given: string | null, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return given !== null && timingSafeEqual(digest(given), digest(token));
}

/**
 * `GET /calendar.ics`: the feed of sessions (upcoming, and those of the last 30 days, cancelled ones marked so), for
 * calendars to subscribe to; `?session=<id>` gives one session's `.ics` (METHOD:CANCEL once cancelled). With a
 * `token`, only requests carrying it (`?token=`, as the announcements' links do) get anything: others a 404.
 */
export function calendarRoute(services: Services, token?: string): Route {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const query = queryOf(req);
    if (token && !sameToken(query.get('token'), token)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('introuvable\n');
      return;
    }
    const id = query.get('session');
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
