import { type Locale, translate, translator } from '../i18n/index.js';
import { type Rich, textMessage } from '../message.js';
import type { Services } from '../ports.js';
import { addCalendarDays } from '../time/days.js';
import { localInstant } from '../time/local.js';
import { announcement, announcementKey, sessionDate, whereText } from './announcement.js';
import { sessionIcsFile } from './calendar.js';
import type { Session, SessionDetails } from './session.js';
import type { RsvpState } from './store.js';

/** The job that sends a session's reminders, one run per kind. */
export const SESSION_REMINDER_JOB = 'session-reminder';

/** What a session sends around its day: D-7, D-1, the morning post, feedback the day after, the summary at D+3. */
export const REMINDER_KINDS = ['d7', 'd1', 'morning', 'feedback', 'summary'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const OFFSETS: Record<ReminderKind, [days: number, time: keyof Session['times']]> = {
  d7: [-7, 'd7'],
  d1: [-1, 'd1'],
  morning: [0, 'morning'],
  feedback: [1, 'feedback'],
  summary: [3, 'feedback'],
};

/**
 * How long after its end a session's announcement stays editable: people look at it a few days after, and its
 * end-of-session state (a late cancellation, the last headcount) must still reach it.
 */
const ANNOUNCEMENT_KEPT_DAYS = 7;

/**
 * Until when a session's announcement may be updated (RSVPs, edits, a cancellation): a week after the session's end.
 * A session announced months ahead outlives the outbox's usual 30 days; its delivery is kept that long.
 */
const announcementKeptUntil = (session: Session): Date =>
  localInstant(addCalendarDays(session.date, ANNOUNCEMENT_KEPT_DAYS), session.end, session.timezone);

/** When a reminder of a session goes out, in its timezone. */
function reminderAt(session: Session, kind: ReminderKind): Date {
  const [days, time] = OFFSETS[kind];
  return localInstant(addCalendarDays(session.date, days), session.times[time], session.timezone);
}

/** The key of one reminder job: its sequence in it, so a changed session's reminders are new jobs. */
export const reminderKey = (session: Session, kind: ReminderKind): string =>
  `session-reminder:${session.id}:${kind}:${session.sequence}`;

/** Schedules the reminders still to come (each once, by key). */
async function planReminders(services: Services, session: Session): Promise<void> {
  const now = services.clock.now();
  for (const kind of REMINDER_KINDS) {
    const at = reminderAt(session, kind);
    if (at <= now) continue;
    await services.schedules.once(SESSION_REMINDER_JOB, reminderKey(session, kind), at, {
      sessionId: session.id,
      kind,
      sequence: session.sequence,
    });
  }
}

/** Withdraws the reminders not sent yet (a cancellation, or a change of date). */
export async function cancelReminders(services: Services, session: Session): Promise<void> {
  for (const kind of REMINDER_KINDS) await services.schedules.cancelOnce(reminderKey(session, kind));
}

/**
 * Creates a session if its id is free, announces it in the community channel and schedules its reminders. False
 * when it already existed (a rule run twice): nothing is announced again.
 */
export async function publishSession(services: Services, session: Session): Promise<boolean> {
  if (!(await services.sessions.create(session))) return false;
  const { channels, locale } = services.roster.data;
  const count = await services.sessions.headcount(session.id);
  await services.outbox.send({
    key: announcementKey(session.id),
    to: { kind: 'channel', channel: channels.community },
    message: announcement(session, count, locale, services.roster.data.promotions, services.calendarFeed),
    keepUntil: announcementKeptUntil(session),
  });
  await planReminders(services, session);
  return true;
}

/** The language a person reads: theirs when set, else the community's. */
export const personLocale = async (services: Services, email: string): Promise<Locale> =>
  (await services.people.locale(email)) ?? services.roster.data.locale;

/** Tells a person promoted from the waiting list, in their language. */
export async function tellPromoted(services: Services, session: Session, email: string, version: number) {
  const locale = await personLocale(services, email);
  await services.outbox.send({
    key: `session-promoted:${session.id}:${email}:${version}`,
    to: { kind: 'person', email },
    message: textMessage(
      translate(locale, 'session.promoted', { title: session.title, date: sessionDate(session, locale) }),
    ),
  });
}

/** Those holding the event in their calendar: they said yes or maybe (and were sent its `.ics`). */
const HOLDS_EVENT: ReadonlySet<RsvpState> = new Set(['yes', 'maybe']);

/**
 * Tells the people in `states`, in private and in their language; those who said yes or maybe get the session's
 * `.ics` as it is now (a change, or METHOD:CANCEL once cancelled), the others only the text (someone waiting has no
 * event to update). Keyed by session, person and sequence. Returns how many were told.
 */
export async function tellAnswered(
  services: Services,
  session: Session,
  kind: string,
  states: readonly RsvpState[],
  text: (locale: Locale) => Rich,
): Promise<number> {
  const told = [...(await services.sessions.answers(session.id))].filter(([, state]) =>
    states.includes(state),
  );
  const file = sessionIcsFile(session, services.clock.now());
  for (const [email, state] of told) {
    const locale = await personLocale(services, email);
    await services.outbox.send({
      key: `${kind}:${session.id}:${email}:${session.sequence}`,
      to: { kind: 'person', email },
      message: textMessage(text(locale)),
      ...(HOLDS_EVENT.has(state) ? { file } : {}),
    });
  }
  return told.length;
}

/**
 * Changes a session: SEQUENCE raised, the old reminders withdrawn and the new ones scheduled, the announcement
 * replaced, and everyone who said yes or maybe sent the new `.ics` (calendars replace the event by UID).
 * Returns the session as saved and how many people were told; or, when its capacity is below the people coming at
 * that moment (clicks may land while the form is open), how many come, and nothing changed; 'cancelled' when it
 * was cancelled since it was read.
 */
export async function changeSession(
  services: Services,
  old: Session,
  changes: Pick<Session, 'date'> & SessionDetails,
): Promise<'cancelled' | { session: Session; told: number } | { refused: number }> {
  const session: Session = { ...old, ...changes, sequence: old.sequence + 1 };
  // More seats (or none limited any more): the waiting list comes in, in order, and is told.
  const filled = await services.sessions.change(session);
  if (filled === 'cancelled' || 'refused' in filled) return filled;
  await cancelReminders(services, old);
  await planReminders(services, session);
  await refreshAnnouncement(services, session, filled.headcount, filled.version);
  for (const email of filled.promoted) await tellPromoted(services, session, email, filled.version);
  // Only those coming (or maybe) are told: the waiting list has no event to update, and is told when a seat frees.
  const told = await tellAnswered(services, session, 'session-change', ['yes', 'maybe'], (locale) =>
    translate(locale, 'session.changedNotice', {
      title: session.title,
      date: sessionDate(session, locale),
      start: session.start,
      end: session.end,
      where: whereText(session, translator(locale)),
    }),
  );
  return { session, told };
}

/** Replaces the announcement's content with the session as it is now (`version`: newer content wins). */
export async function refreshAnnouncement(
  services: Services,
  session: Session,
  headcount: Awaited<ReturnType<Services['sessions']['headcount']>>,
  version: number,
): Promise<void> {
  const { channels, locale } = services.roster.data;
  const message = announcement(
    session,
    headcount,
    locale,
    services.roster.data.promotions,
    services.calendarFeed,
  );
  await services.outbox.update({
    key: announcementKey(session.id),
    to: { kind: 'channel', channel: channels.community },
    message,
    version,
    // A session moved later keeps its announcement editable until its new date.
    keepUntil: announcementKeptUntil(session),
  });
}
