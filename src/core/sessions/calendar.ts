import { type IcsEvent, icsCalendar } from '../calendar/ics.js';
import type { Attachment } from '../ports.js';
import { localInstant } from '../time/local.js';
import type { Session } from './session.js';

/** A session's start and end instants, from its local day and times in its timezone. */
const sessionSpan = (session: Session): { start: Date; end: Date } => ({
  start: localInstant(session.date, session.start, session.timezone),
  end: localInstant(session.date, session.end, session.timezone),
});

/** A session as a calendar event: its UID never changes, its SEQUENCE is the session's. */
function sessionEvent(session: Session, stamp: Date): IcsEvent {
  const location = [session.place, session.address].filter(Boolean).join(', ');
  return {
    uid: `session-${session.id}@cohorte`,
    sequence: session.sequence,
    ...sessionSpan(session),
    summary: session.title,
    ...(location ? { location } : {}),
    ...(session.agenda ? { description: session.agenda } : {}),
    cancelled: session.cancelled,
    stamp,
  };
}

const CALENDAR_NAME = 'Sessions EIG';

/** The `.ics` of one session: METHOD:CANCEL once cancelled, so calendars remove it. */
export const sessionIcs = (session: Session, stamp: Date): string =>
  icsCalendar([sessionEvent(session, stamp)], {
    name: CALENDAR_NAME,
    method: session.cancelled ? 'CANCEL' : 'PUBLISH',
  });

/** The session's `.ics` as a file sent along with a message (see {@link sessionIcs}). */
export const sessionIcsFile = (session: Session, stamp: Date): Attachment => ({
  name: `session-${session.id}.ics`,
  content: sessionIcs(session, stamp),
});

/** The subscription feed: upcoming sessions, cancelled ones kept with STATUS:CANCELLED so calendars drop them. */
export const sessionsFeed = (sessions: readonly Session[], stamp: Date): string =>
  icsCalendar(
    sessions.map((s) => sessionEvent(s, stamp)),
    { name: CALENDAR_NAME },
  );
