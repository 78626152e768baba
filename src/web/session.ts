import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Locale } from '../core/i18n/index.js';
import type { Services, WebSession, WebSessionStore } from '../core/ports.js';
import type { Person } from '../core/roster/types.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'cohorte_session';

/** How long a page session lasts. */
export const SESSION_TTL_MS = 8 * 3600_000;

/** The `Set-Cookie` value of a new session: HttpOnly, SameSite=Lax, Secure over https, 8 hours. */
export const sessionCookie = (id: string, secure: boolean): string =>
  `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}${secure ? '; Secure' : ''}`;

/** The `Set-Cookie` value that removes the session cookie. */
export const clearedCookie = (secure: boolean): string =>
  `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;

/** The session id carried by a request's cookie, if it looks like one of ours. */
export function sessionIdOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}

/** Opens a session for `email`; returns its id (the cookie's value). */
export async function openSession(store: WebSessionStore, email: string, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const session: WebSession = {
    email,
    csrf: randomBytes(24).toString('base64url'),
    createdAt: now.toISOString(),
  };
  await store.open(id, session, SESSION_TTL_MS);
  return id;
}

/**
 * Whom a request is from: the session, the person as the roster sees them now (roles read at each request), and
 * the language they chose (`/cohorte langue`), else the community's.
 */
export interface Visitor {
  sessionId: string;
  session: WebSession;
  person: Person;
  locale: Locale;
}

/**
 * The visitor of a request, or undefined: no cookie, an unknown or expired session, or a person no longer in the
 * community (erased, or removed from `community.yml`).
 */
export async function visitorOf(
  req: IncomingMessage,
  deps: { services: Services; store: WebSessionStore },
): Promise<Visitor | undefined> {
  const sessionId = sessionIdOf(req);
  if (!sessionId) return undefined;
  const session = await deps.store.get(sessionId);
  if (!session) return undefined;
  const { services } = deps;
  const { grants, locale } = await services.people.profile(session.email);
  const person = services.roster.person(session.email, grants, services.clock.now());
  return person.inCommunity
    ? { sessionId, session, person, locale: locale ?? services.roster.data.locale }
    : undefined;
}

/** Whether a form's CSRF token is the session's, in constant time. */
export function csrfMatches(session: WebSession, given: string | undefined): boolean {
  const expected = Buffer.from(session.csrf);
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
