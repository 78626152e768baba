import { UserError } from '../errors.js';
import type { Context, Reply } from '../handler.js';
import { textMessage } from '../message.js';
import type { Services } from '../ports.js';
import { sessionDate } from './announcement.js';
import { refreshAnnouncement, tellPromoted } from './lifecycle.js';
import { isPastSession, type Session } from './session.js';
import type { RsvpAnswer } from './store.js';

/** A session by id, or a UserError naming it and how to list them. */
export async function sessionById(services: Services, id: string): Promise<Session> {
  const session = id ? await services.sessions.get(id) : undefined;
  if (!session) throw new UserError('session.unknown', { id });
  return session;
}

/**
 * One RSVP click: recorded atomically, the announcement's headcount replaced (newest version wins), the person
 * promoted from the waiting list told. The clicker gets a private confirmation (with their rank when waiting).
 */
export async function rsvp(ctx: Context, sessionId: string, answer: RsvpAnswer): Promise<Reply> {
  const { services, person, t, locale } = ctx;
  const session = await sessionById(services, sessionId);
  const reply = (text: ReturnType<typeof t>): Reply => ({
    visibility: 'ephemeral',
    message: textMessage(text),
  });
  if (session.cancelled) return reply(t('session.rsvp.cancelled'));
  if (isPastSession(session, services.clock.now())) return reply(t('session.rsvp.past'));
  const change = await services.sessions.answer(session.id, person.email, answer, session.capacity);
  if (change.previous !== change.current)
    await refreshAnnouncement(services, session, change.headcount, change.version);
  for (const email of change.promoted) await tellPromoted(services, session, email, change.version);
  const date = sessionDate(session, locale);
  if (change.current === 'waiting') {
    const rank = (await services.sessions.waiting(session.id)).indexOf(person.email) + 1;
    return reply(t('session.rsvp.waiting', { rank }));
  }
  return reply(t(`session.rsvp.${answer}`, { date }));
}
