import { addHours } from 'date-fns/addHours';
import { translator } from '../i18n/index.js';
import { textMessage } from '../message.js';
import type { Services } from '../ports.js';
import { type Candidate, rankCandidates } from './match.js';
import { escalationMessage, proposalMessage, withCancel } from './messages.js';
import { nameOf, tell, whenFor } from './notify.js';
import { hashOf } from './skill-index.js';
import type { BulleRequest } from './store.js';
import type { Topic } from './topics.js';
import { loadWorld } from './world.js';

/** How long a candidate has to answer before the next one is asked. */
const ANSWER_HOURS = 72;
/** The delayed jobs of the bulloterie. */
export const TIMEOUT_JOB = 'bulle-timeout';
export const FOLLOWUP_JOB = 'bulle-followup';

/** The timer of one proposal: named by its number, so a late timer of an earlier proposal never matches. */
export const timeoutKey = (request: Pick<BulleRequest, 'id' | 'attempt'>): string =>
  `bulle-timeout:${request.id}:${request.attempt}`;

/**
 * A request's id: opaque (it travels in button values and job data, so it never holds an e-mail), the same for
 * the same `origin` — a stand-up's help request clicked twice is one bulloterie request. 64 bits of two hashes.
 */
export const requestIdOf = (origin: string): string =>
  `${hashOf(origin).toString(36)}${hashOf(`${origin}#`).toString(36)}`;

/** What a new request needs: who asks, about what, and an id (deterministic for a stand-up's help request). */
export interface NewRequest {
  id: string;
  email: string;
  topic: Topic;
  details: string;
  source: BulleRequest['source'];
}

/**
 * Records a request (once per id), adds the topic to the requester's curious bubbles, and asks the best
 * candidate, or the alumni channel when there is none. `created` is false when the id was already known.
 */
export async function openRequest(
  services: Services,
  input: NewRequest,
): Promise<{ request: BulleRequest; created: boolean }> {
  const at = services.clock.now().toISOString();
  const { topic } = input;
  const request: BulleRequest = {
    id: input.id,
    email: input.email,
    key: topic.key,
    label: topic.label,
    domain: topic.domain,
    details: input.details,
    source: input.source,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    candidates: [],
    tried: [],
    attempt: 0,
  };
  if (!(await services.bulle.create(request))) {
    return { request: (await services.bulle.request(input.id)) ?? request, created: false };
  }
  await services.bulle.addSkill(input.email, {
    kind: 'learn',
    key: topic.key,
    label: topic.label,
    domain: topic.domain,
    at,
    source: 'chat',
  });
  const fresh = rankCandidates(request, (await loadWorld(services)).world);
  return { request: (await advance(services, request.id, fresh)) ?? request, created: true };
}

/**
 * Moves an open request on: proposes it to the next candidate not yet asked (from `fresh`, a new ranking, or the
 * ones kept from the last one), else posts it once to the alumni channel. Does nothing to a request in any other
 * state, so a late or repeated call is harmless.
 */
export async function advance(
  services: Services,
  id: string,
  fresh?: readonly Candidate[],
): Promise<BulleRequest | undefined> {
  const now = services.clock.now().toISOString();
  const saved = await services.bulle.update(id, (r) => {
    if (r.status !== 'open') return undefined;
    const candidates = fresh ? [...fresh] : r.candidates;
    const next = candidates.find((c) => !r.tried.includes(c.email) && c.email !== r.email);
    if (next)
      return {
        ...r,
        status: 'proposed',
        candidates,
        candidate: next.email,
        attempt: r.attempt + 1,
        updatedAt: now,
      };
    if (r.escalatedAt) return undefined;
    return { ...r, escalatedAt: now, updatedAt: now };
  });
  if (saved?.status === 'proposed') await proposed(services, saved);
  else if (saved) await escalated(services, saved);
  return saved;
}

async function proposed(services: Services, request: BulleRequest): Promise<void> {
  const candidate = request.candidates.find((c) => c.email === request.candidate);
  if (!candidate) return;
  const deadline = addHours(services.clock.now(), ANSWER_HOURS);
  await services.schedules.once(TIMEOUT_JOB, timeoutKey(request), deadline, {
    requestId: request.id,
    attempt: request.attempt,
  });
  const requester = nameOf(services, request.email);
  const forCandidate = await whenFor(services, candidate.email, deadline);
  await tell(services, candidate.email, `bulle:${request.id}:proposal:${request.attempt}`, (t) =>
    proposalMessage(t, request, requester, candidate.reason, forCandidate),
  );
  const forRequester = await whenFor(services, request.email, deadline);
  await tell(services, request.email, `bulle:${request.id}:proposed:${request.attempt}`, (t) =>
    withCancel(t, t('bulle.toRequester.proposed', { topic: request.label, deadline: forRequester }), request),
  );
}

async function escalated(services: Services, request: BulleRequest): Promise<void> {
  const { channels, locale } = services.roster.data;
  await services.outbox.send({
    key: `bulle:${request.id}:escalation`,
    to: { kind: 'channel', channel: channels.alumni },
    message: escalationMessage(translator(locale), request, nameOf(services, request.email)),
  });
  await tell(services, request.email, `bulle:${request.id}:escalated`, (t) =>
    withCancel(
      t,
      t('bulle.toRequester.escalated', { topic: request.label, channel: channels.alumni }),
      request,
    ),
  );
}

/**
 * The timer of proposal `attempt` went off: if that proposal still waits, the candidate counts as asked and the
 * next one is asked. A timer of an older proposal, or one firing after an answer, changes nothing.
 */
export async function expire(services: Services, id: string, attempt: number): Promise<string> {
  const now = services.clock.now().toISOString();
  const saved = await services.bulle.update(id, (r) =>
    r.status === 'proposed' && r.attempt === attempt && r.candidate
      ? { ...r, status: 'open', tried: [...r.tried, r.candidate], candidate: undefined, updatedAt: now }
      : undefined,
  );
  if (!saved) return `request ${id}: proposal ${attempt} no longer waiting`;
  const late = saved.tried.at(-1) ?? '';
  const requester = nameOf(services, saved.email);
  await tell(services, late, `bulle:${id}:expired:${attempt}`, (t) =>
    textMessage(t('bulle.expired', { requester, topic: saved.label })),
  );
  const next = await advance(services, id);
  return `request ${id}: proposal ${attempt} expired, now ${next?.status ?? saved.status}`;
}
