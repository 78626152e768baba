import type { Domain } from './topics.js';

/** One bubble: a topic someone can share, or wants to learn. */
export interface Skill {
  kind: 'share' | 'learn';
  key: string;
  /** The topic's label: the theme's name, or the words as the person wrote them. */
  label: string;
  domain: Domain;
  at: string;
  source: 'chat' | 'import';
}

/** One topic someone shares, as matching needs it. */
export interface Shared {
  key: string;
  label: string;
}

/** Where a request stands: see the README's « Bulloterie » section for the whole cycle. */
export type RequestStatus = 'open' | 'proposed' | 'accepted' | 'met' | 'notmet' | 'cancelled';

const IN_PLAY: ReadonlySet<RequestStatus> = new Set(['open', 'proposed', 'accepted']);

/** Whether a request is still in play (not yet met, not met, nor cancelled): it can be cancelled, answered, taken. */
export const isInPlay = (status: RequestStatus): boolean => IN_PLAY.has(status);

/** Why a candidate was chosen, shown to them: the topic they share and whether it is the one asked or a close one. */
export interface MatchReason {
  match: 'equal' | 'related';
  /** The topic the candidate shares (its label). */
  shares: string;
}

/** A request for help on one topic, from open to its follow-up. */
export interface BulleRequest {
  id: string;
  email: string;
  key: string;
  label: string;
  domain: Domain;
  details: string;
  source: 'chat' | 'standup';
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  /** The ranked candidates of the last matching (up to 3), with why; walked in order on decline or timeout. */
  candidates: { email: string; reason: MatchReason }[];
  /** Everyone already asked, never asked again for this request. */
  tried: string[];
  /** Who is asked now (status `proposed`), and the number of that proposal (timeouts name it). */
  candidate?: string | undefined;
  attempt: number;
  helper?: string | undefined;
  /** When a helper said yes: the coordinators' time to a match. */
  matchedAt?: string | undefined;
  /** When the request went to the alumni channel (once). */
  escalatedAt?: string | undefined;
}

/** The bulloterie in Redis. Every change of a request is atomic: {@link BulleStore.update} never acts twice. */
export interface BulleStore {
  /** Adds a skill; false when the person already had it (same kind and topic). */
  addSkill(email: string, skill: Skill): Promise<boolean>;
  /** Removes a person's skills on a topic (both kinds); returns how many were removed. */
  removeSkill(email: string, key: string): Promise<number>;
  skillsOf(email: string): Promise<Skill[]>;
  /** Every skill of every person: for the map and topic suggestions. */
  allSkills(): Promise<Map<string, Skill[]>>;
  /** What everyone shares, by e-mail, in one read: what matching needs (a round reads it whole). */
  shares(): Promise<Map<string, Shared[]>>;

  /** Stores a new request; false (and nothing changed) when a request with that id exists. */
  create(request: BulleRequest): Promise<boolean>;
  request(id: string): Promise<BulleRequest | undefined>;
  /** Requests still in play (open, proposed, accepted): the round's work and everyone's current load. */
  active(): Promise<BulleRequest[]>;
  /** Every request ever made, newest first, up to `count`: the coordinators' summary. */
  recent(count: number): Promise<BulleRequest[]>;
  requestsOf(email: string): Promise<BulleRequest[]>;
  /**
   * Applies `change` to the request as stored and saves the result only if nobody changed it in between (else it
   * reads again and retries). `change` returns undefined to leave it as it is. Returns the saved request, or
   * undefined when nothing changed (unknown id, or `change` declined).
   */
  update(
    id: string,
    change: (request: BulleRequest) => BulleRequest | undefined,
  ): Promise<BulleRequest | undefined>;

  /** Pauses proposals to someone until a date (`yyyy-MM-dd`, inclusive); `undefined` ends the pause. */
  setPause(email: string, until: string | undefined): Promise<void>;
  pauses(): Promise<Map<string, string>>;
  noteDecline(email: string, at: string): Promise<void>;
  declines(): Promise<Map<string, string>>;
}
