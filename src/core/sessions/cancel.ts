import { translate } from '../i18n/index.js';
import type { Services } from '../ports.js';
import { sessionDate } from './announcement.js';
import { cancelReminders, refreshAnnouncement, tellAnswered } from './lifecycle.js';
import type { Session } from './session.js';

/**
 * Cancels a session: SEQUENCE raised and saved first (the feed shows it cancelled), pending reminders withdrawn,
 * everyone who said yes, maybe or waits told in private (yes and maybe with a METHOD:CANCEL `.ics` that removes the
 * event from their calendar), and the announcement replaced. Returns how many people were told.
 */
export async function cancelSession(services: Services, session: Session): Promise<number> {
  const cancelled: Session = { ...session, cancelled: true, sequence: session.sequence + 1 };
  await services.sessions.save(cancelled);
  await cancelReminders(services, session);
  const states = ['yes', 'maybe', 'waiting'] as const;
  const told = await tellAnswered(services, cancelled, 'session-cancel', states, (locale) =>
    translate(locale, 'session.cancelNotice', { title: session.title, date: sessionDate(session, locale) }),
  );
  const version = await services.sessions.nextVersion(session.id);
  await refreshAnnouncement(services, cancelled, await services.sessions.headcount(session.id), version);
  return told;
}
