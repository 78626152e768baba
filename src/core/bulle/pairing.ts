import { addDays } from 'date-fns/addDays';
import { textMessage } from '../message.js';
import type { Services } from '../ports.js';
import type { Person } from '../roster/types.js';
import { advance, FOLLOWUP_JOB, timeoutKey } from './lifecycle.js';
import { followUpMessage, introMessage } from './messages.js';
import { nameOf, tell, translatorFor } from './notify.js';
import { type BulleRequest, isInPlay } from './store.js';

/** Days between an introduction and the question « Avez-vous pu échanger ? ». */
const FOLLOWUP_DAYS = 14;
const followUpKey = (id: string) => `bulle-followup:${id}`;

/** Opens the group DM of requester and helper with the request, and sets the follow-up. */
async function introduce(services: Services, request: BulleRequest, shares: string): Promise<void> {
  const helper = request.helper ?? '';
  const at = addDays(services.clock.now(), FOLLOWUP_DAYS);
  await services.schedules.once(FOLLOWUP_JOB, followUpKey(request.id), at, { requestId: request.id });
  const t = await translatorFor(services, request.email);
  const names = { requester: nameOf(services, request.email), helper: nameOf(services, helper) };
  await services.outbox.send({
    key: `bulle:${request.id}:intro`,
    to: { kind: 'group', emails: [request.email, helper] },
    message: introMessage(t, request, names, shares),
  });
}

/**
 * A candidate's answer to a proposal. Only the person asked, while the proposal waits, can answer: a second click,
 * or a click after the timeout, finds it `gone`. A decline asks the next candidate.
 */
export async function reply(
  services: Services,
  id: string,
  email: string,
  accept: boolean,
): Promise<'accepted' | 'declined' | 'gone'> {
  const now = services.clock.now().toISOString();
  const saved = await services.bulle.update(id, (r) => {
    if (r.status !== 'proposed' || r.candidate !== email) return undefined;
    const asked = { ...r, tried: [...r.tried, email], candidate: undefined, updatedAt: now };
    return accept
      ? { ...asked, status: 'accepted', helper: email, matchedAt: now }
      : { ...asked, status: 'open' };
  });
  if (!saved) return 'gone';
  await services.schedules.cancelOnce(timeoutKey(saved));
  if (accept) {
    const shares = saved.candidates.find((c) => c.email === email)?.reason.shares ?? saved.label;
    await introduce(services, saved, shares);
    return 'accepted';
  }
  await services.bulle.noteDecline(email, now);
  await advance(services, id);
  return 'declined';
}

/** Whether someone may answer *Je peux aider* in the alumni channel. */
export const mayHelpFromChannel = (person: Person): boolean =>
  person.roles.includes('alumni') || person.roles.includes('mentor');

/**
 * *Je peux aider* on a request posted to the alumni channel: the first click pairs, atomically; any other click,
 * even at the same instant, finds it `taken`. A request cancelled, finished or erased meanwhile is `gone` (with the
 * request as it stands, when it still exists). A proposal the weekly round made meanwhile is withdrawn, its
 * candidate told.
 */
export async function offerHelp(
  services: Services,
  id: string,
  email: string,
): Promise<{ outcome: 'accepted' | 'taken' | 'own' | 'gone'; request?: BulleRequest }> {
  const now = services.clock.now().toISOString();
  let before: BulleRequest | undefined;
  const saved = await services.bulle.update(id, (r) => {
    before = r;
    const waiting = r.status === 'open' || (r.status === 'proposed' && r.candidate !== email);
    return waiting && r.escalatedAt && r.email !== email
      ? { ...r, status: 'accepted', helper: email, matchedAt: now, candidate: undefined, updatedAt: now }
      : undefined;
  });
  if (!saved) {
    if (before?.email === email) return { outcome: 'own' };
    return { outcome: before && isInPlay(before.status) ? 'taken' : 'gone', request: before };
  }
  const asked = before?.status === 'proposed' ? before.candidate : undefined;
  if (asked) {
    await services.schedules.cancelOnce(timeoutKey(before ?? saved));
    const requester = nameOf(services, saved.email);
    await tell(services, asked, `bulle:${id}:helped:${saved.attempt}`, (t) =>
      textMessage(t('bulle.helpedElsewhere', { requester, topic: saved.label })),
    );
  }
  await introduce(services, saved, saved.label);
  return { outcome: 'accepted', request: saved };
}

/** The requester cancels: timers removed, the person asked (if any) told there is nothing left to do. */
export async function cancelRequest(
  services: Services,
  id: string,
  email: string,
): Promise<'cancelled' | 'notYours' | 'gone'> {
  const now = services.clock.now().toISOString();
  const before = await services.bulle.request(id);
  if (before && before.email !== email) return 'notYours';
  const saved = await services.bulle.update(id, (r) =>
    r.email === email && isInPlay(r.status) ? { ...r, status: 'cancelled', updatedAt: now } : undefined,
  );
  if (!saved) return 'gone';
  await services.schedules.cancelOnce(timeoutKey(saved));
  await services.schedules.cancelOnce(followUpKey(id));
  const waiting = saved.candidate;
  if (waiting) {
    const requester = nameOf(services, email);
    await tell(services, waiting, `bulle:${id}:withdrawn`, (t) =>
      textMessage(t('bulle.withdrawn', { requester, topic: saved.label })),
    );
  }
  return 'cancelled';
}

/** The follow-up timer: asks the requester, once, whether they met (only if the pairing still stands). */
export async function followUp(services: Services, id: string): Promise<string> {
  const request = await services.bulle.request(id);
  if (request?.status !== 'accepted' || !request.helper)
    return `request ${id}: no follow-up (${request?.status})`;
  const helper = nameOf(services, request.helper);
  await tell(services, request.email, `bulle:${id}:followup`, (t) => followUpMessage(t, request, helper));
  return `request ${id}: follow-up asked`;
}

/** The requester's answer to the follow-up; false when already answered or not theirs. */
export async function answerFollowUp(
  services: Services,
  id: string,
  email: string,
  met: boolean,
): Promise<boolean> {
  const now = services.clock.now().toISOString();
  const saved = await services.bulle.update(id, (r) =>
    r.status === 'accepted' && r.email === email
      ? { ...r, status: met ? 'met' : 'notmet', updatedAt: now }
      : undefined,
  );
  return saved !== undefined;
}
