import { UserError } from '../errors.js';
import { type Context, ephemeral, type Reply } from '../handler.js';
import type { Services } from '../ports.js';
import { addCalendarDays } from '../time/days.js';
import { localDate } from '../time/local.js';
import { exampleDay, looksLikeDay } from '../time/typed-days.js';
import { readDay } from '../time/typed-moments.js';
import { audienceWho, sessionDate } from './announcement.js';
import { refreshAnnouncement, tellPromoted } from './lifecycle.js';
import { inAudience, isPastSession, type Session } from './session.js';
import type { RsvpAnswer, RsvpChange } from './store.js';

/**
 * A session by id, its date typed as any other (`17/03`, `17/03/2027`: a session's id is its date; `JJ/MM` is the
 * coming such day, else the last one gone by), or a UserError naming it, with ids to type.
 */
export async function sessionById(services: Services, id: string): Promise<Session> {
  const today = localDate(services.clock.now(), services.roster.data.timezone);
  const typed = looksLikeDay(id)
    ? (['onOrAfter', 'onOrBefore'] as const).map((direction) => readDay(id, today, direction) ?? '')
    : [];
  for (const candidate of [id, ...typed]) {
    const session = candidate ? await services.sessions.get(candidate) : undefined;
    if (session) return session;
  }
  const iso = addCalendarDays(today, 7);
  throw new UserError('session.unknown', { id, example: exampleDay(today), iso });
}

/**
 * Records an answer (undefined withdraws it) and what it changes for others: the announcement's headcount replaced
 * (newest version wins), and whoever a freed seat went to told in private.
 */
async function applyAnswer(
  services: Services,
  sessionId: string,
  email: string,
  answer: RsvpAnswer | undefined,
): Promise<RsvpChange | 'cancelled'> {
  const change = await services.sessions.answer(sessionId, email, answer);
  if (change === 'cancelled') return change;
  if (change.previous !== change.current)
    await refreshAnnouncement(services, change.session, change.headcount, change.version);
  for (const promoted of change.promoted)
    await tellPromoted(services, change.session, promoted, change.version);
  return change;
}

/**
 * Withdraws someone's answers to the sessions still to come, before their data is erased: a seat they free goes
 * to the first waiting, who is told, and each announcement shows the new headcount (the store's own erasure would
 * do it silently). Past and cancelled sessions have no seat to give.
 */
export async function withdrawAnswers(services: Services, email: string): Promise<void> {
  const now = services.clock.now();
  for (const session of await services.sessions.all()) {
    if (session.cancelled || isPastSession(session, now)) continue;
    await applyAnswer(services, session.id, email, undefined);
  }
}

/**
 * One RSVP click, from someone of the session's audience only: recorded atomically, the announcement's headcount
 * replaced (newest version wins), the person promoted from the waiting list told. The clicker gets a private
 * confirmation (with their rank when waiting).
 */
export async function rsvp(ctx: Context, sessionId: string, answer: RsvpAnswer): Promise<Reply> {
  const { services, person, t, locale } = ctx;
  const session = await sessionById(services, sessionId);
  const reply = (text: ReturnType<typeof t>): Reply => ephemeral(text);
  if (session.cancelled) return reply(t('session.rsvp.cancelled'));
  if (isPastSession(session, services.clock.now())) return reply(t('session.rsvp.past'));
  if (!inAudience(person, session.audience)) {
    // Left out by a change of audience, someone may still withdraw an earlier answer; nothing else.
    const previous = (await services.sessions.answers(session.id)).get(person.email);
    if (answer !== 'no' || previous === undefined || previous === 'no')
      return reply(
        t('session.rsvp.notAudience', { who: audienceWho(session, t, services.roster.data.promotions) }),
      );
  }
  // Cancelled since it was read: the store refuses the answer in the same step as it checks.
  const change = await applyAnswer(services, session.id, person.email, answer);
  if (change === 'cancelled') return reply(t('session.rsvp.cancelled'));
  const date = sessionDate(session, locale);
  if (change.current === 'waiting') {
    const rank = (await services.sessions.waiting(session.id)).indexOf(person.email) + 1;
    return reply(t('session.rsvp.waiting', { rank }));
  }
  return reply(t(`session.rsvp.${answer}`, { date }));
}
