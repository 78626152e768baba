import type { Session } from './session.js';

/** What someone answered: three buttons; `waiting` is a yes past capacity, promoted in order. */
export type RsvpAnswer = 'yes' | 'maybe' | 'no';
export type RsvpState = RsvpAnswer | 'waiting';

/** Headcount of a session, by state. */
export type Headcount = Record<RsvpState, number>;

/**
 * What one click changed: the state before and after, who left the waiting list for a seat (if anyone), and the
 * headcount right after with its version (raised by every change), for the announcement.
 */
export interface RsvpChange {
  previous: RsvpState | undefined;
  current: RsvpState | undefined;
  /** In the order they waited; at most one for an answer, possibly several when seats are added. */
  promoted: string[];
  version: number;
  headcount: Headcount;
}

/** A feedback the day after: 1–5 and an optional comment. */
export interface Feedback {
  rating: number;
  comment: string;
}

/** Sessions, answers and feedback in Redis. Every answer is applied atomically: no click is ever lost. */
export interface SessionStore {
  /** Creates a session under its id; false (and nothing changed) when the id is taken. */
  create(session: Session): Promise<boolean>;
  /** Replaces a session (a change or a cancellation; the caller raises `sequence`). */
  save(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  /** Every session, by date. */
  all(): Promise<Session[]>;
  /**
   * Records an answer (undefined withdraws it). A yes past `capacity` waits; a yes given up frees its seat for the
   * first in the waiting list. Clicking the same answer again changes nothing.
   */
  answer(
    sessionId: string,
    email: string,
    answer: RsvpAnswer | undefined,
    capacity?: number,
  ): Promise<RsvpChange>;
  /** Gives free seats (a capacity raised, or removed: undefined) to the waiting list, in order. */
  fill(sessionId: string, capacity: number | undefined): Promise<Omit<RsvpChange, 'previous' | 'current'>>;
  /** A new version of the announcement's content (a cancellation), above every earlier one. */
  nextVersion(sessionId: string): Promise<number>;
  answers(sessionId: string): Promise<Map<string, RsvpState>>;
  headcount(sessionId: string): Promise<Headcount>;
  /** The waiting list, first in line first. */
  waiting(sessionId: string): Promise<string[]>;
  setFeedback(sessionId: string, email: string, feedback: Feedback): Promise<void>;
  feedbacks(sessionId: string): Promise<Map<string, Feedback>>;
}
