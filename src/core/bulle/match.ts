import { hashOf, type SkillIndex } from './skill-index.js';
import type { BulleRequest, MatchReason } from './store.js';

/** How many candidates one matching ranks. */
const CANDIDATES = 3;
/** A decline this recent puts the person last. */
export const RECENT_DECLINE_DAYS = 30;

/** What matching knows of the community at one moment. */
export interface MatchWorld {
  index: SkillIndex;
  /** The défis a person works on (EIG or mentor), to prefer people from other teams. */
  defisOf(email: string): readonly string[];
  /** Open pairings per person: proposals waiting and accepted requests not yet followed up. */
  load: Map<string, number>;
  /** Paused until (inclusive, `yyyy-MM-dd`). */
  pausedUntil: ReadonlyMap<string, string>;
  /** Last decline (ISO). */
  declinedAt: ReadonlyMap<string, string>;
  /** Today, `yyyy-MM-dd`, and the instant before which a decline no longer counts as recent. */
  today: string;
  recentSince: string;
  maxOpen: number;
}

/** A ranked candidate and why it was chosen. */
export interface Candidate {
  email: string;
  reason: MatchReason;
}

type Asked = Pick<BulleRequest, 'id' | 'email' | 'key' | 'tried'>;

/** The rank of a candidate as one number (smaller first): each criterion outweighs all the following ones. */
const rankOf = (related: number, teammate: number, load: number, declined: number, tie: number): number =>
  (((related * 2 + teammate) * 16 + Math.min(load, 15)) * 2 + declined) * 2 ** 32 + tie;

/**
 * Up to {@link CANDIDATES} people for a request, best first. Never the requester, anyone already asked, anyone
 * paused or already carrying `maxOpen` pairings. Ranked by: the same topic before a related one; people of other
 * défis before the requester's teammates; fewer open pairings; a recent decline last; then a tie-break: the
 * sharers of a topic sit in a fixed pseudo-random circle and each request starts at its own place on it, so equal
 * candidates take turns across requests. Pure and deterministic: the same world gives the same candidates.
 */
export function rankCandidates(request: Asked, world: MatchWorld): Candidate[] {
  const own = new Set(world.defisOf(request.email));
  const tried = new Set(request.tried);
  const start = hashOf(request.id);
  const best: { rank: number; candidate: Candidate }[] = [];
  const seen = new Set<string>();
  const consider = (key: string, match: MatchReason['match']) => {
    const sharers = world.index.sharers.get(key);
    if (!sharers) return;
    const related = match === 'equal' ? 0 : 1;
    const count = sharers.emails.length;
    for (let turn = 0; turn < count; turn++) {
      // Nobody further round the circle can beat the third best any more: a popular topic is not read to the end.
      if (best.length === CANDIDATES && (best.at(-1)?.rank ?? 0) < rankOf(related, 0, 0, 0, turn)) return;
      const at = (start + turn) % count;
      const email = sharers.emails[at] ?? '';
      if (email === request.email || tried.has(email) || seen.has(email)) continue;
      const load = world.load.get(email) ?? 0;
      if (load >= world.maxOpen) continue;
      const paused = world.pausedUntil.get(email);
      if (paused !== undefined && paused >= world.today) continue;
      seen.add(email);
      const teammate = world.defisOf(email).some((defi) => own.has(defi)) ? 1 : 0;
      const declined = (world.declinedAt.get(email) ?? '') >= world.recentSince ? 1 : 0;
      const rank = rankOf(related, teammate, load, declined, turn);
      if (best.length === CANDIDATES && rank >= (best.at(-1)?.rank ?? 0)) continue;
      best.push({ rank, candidate: { email, reason: { match, shares: sharers.labels[at] ?? key } } });
      best.sort((a, b) => a.rank - b.rank || a.candidate.email.localeCompare(b.candidate.email));
      if (best.length > CANDIDATES) best.pop();
    }
  };
  consider(request.key, 'equal');
  // A related topic never outranks the same topic: enough equal candidates make the related ones moot.
  if (best.length < CANDIDATES)
    for (const key of world.index.relatedShared(request.key)) consider(key, 'related');
  return best.map((entry) => entry.candidate);
}

/**
 * A whole round: requests in the order given (oldest first), each ranked against the load as the round left it,
 * so one popular person is not proposed thirty times. Returns the candidates of each request that has some.
 */
export function matchRound(requests: readonly Asked[], world: MatchWorld): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const request of requests) {
    const candidates = rankCandidates(request, world);
    const first = candidates[0];
    if (!first) continue;
    world.load.set(first.email, (world.load.get(first.email) ?? 0) + 1);
    out.set(request.id, candidates);
  }
  return out;
}

/** Open pairings per person, from the requests in play. */
export function loadOf(active: readonly BulleRequest[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const request of active) {
    const who =
      request.status === 'proposed'
        ? request.candidate
        : request.status === 'accepted'
          ? request.helper
          : undefined;
    if (who) load.set(who, (load.get(who) ?? 0) + 1);
  }
  return load;
}
