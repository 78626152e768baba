import { translate } from '../i18n/index.js';
import type { Services } from '../ports.js';
import { sessionDate } from './announcement.js';
import { cancelReminders, refreshAnnouncement, tellAnswered } from './lifecycle.js';
import type { Session } from './session.js';

/**
 * Cancels a session as stored at that moment (an edit landing since the caller read it is kept): SEQUENCE raised
 * and saved first (the feed shows it cancelled), pending reminders withdrawn, everyone who said yes, maybe or waits
 * told in private (yes and maybe with a METHOD:CANCEL `.ics` that removes the event from their calendar), and the
 * announcement replaced. Returns the session as cancelled and how many people were told; 'cancelled' when it
 * already was (nothing done).
 */
export async function cancelSession(
  services: Services,
  sessionId: string,
): Promise<'cancelled' | { session: Session; told: number }> {
  const done = await services.sessions.cancel(sessionId);
  if (done === 'cancelled') return done;
  const { before, after: session } = done;
  await cancelReminders(services, before);
  const states = ['yes', 'maybe', 'waiting'] as const;
  const told = await tellAnswered(services, session, 'session-cancel', states, (locale) =>
    translate(locale, 'session.cancelNotice', { title: session.title, date: sessionDate(session, locale) }),
  );
  const version = await services.sessions.nextVersion(sessionId);
  await refreshAnnouncement(services, session, await services.sessions.headcount(sessionId), version);
  return { session, told };
}
