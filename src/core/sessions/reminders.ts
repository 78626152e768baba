import { type Locale, translator } from '../i18n/index.js';
import { type Message, textMessage } from '../message.js';
import { rsvpButtons, sessionDate, whereText } from './announcement.js';
import type { Session } from './session.js';

/**
 * D-7, to someone of the audience who has not answered: the session and the three buttons; when every seat is
 * taken (`full`), it says so, since « Je viens » then means the waiting list.
 */
export function d7Message(session: Session, locale: Locale, full = false): Message {
  const t = translator(locale);
  const text = t(full ? 'session.d7Full' : 'session.d7', {
    date: sessionDate(session, locale),
    title: session.title,
    place: session.place,
    capacity: session.capacity ?? 0,
  });
  return {
    fallback: text,
    blocks: [
      { kind: 'section', text },
      { kind: 'actions', buttons: rsvpButtons(session, t) },
    ],
  };
}

/** D-1, to those who said yes or maybe: place and time (the `.ics` goes along as a file). */
export function d1Message(session: Session, locale: Locale): Message {
  const t = translator(locale);
  const text = t('session.d1', {
    title: session.title,
    start: session.start,
    end: session.end,
    where: whereText(session, t),
  });
  return textMessage(text);
}

/** The morning post in the community channel: today, where, how many come. */
export function morningMessage(session: Session, yes: number, locale: Locale): Message {
  const t = translator(locale);
  const text = t('session.morning', {
    title: session.title,
    start: session.start,
    end: session.end,
    where: whereText(session, t),
    yes,
  });
  return textMessage(text);
}
