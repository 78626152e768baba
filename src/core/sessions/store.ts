import type { Session } from './session.js';

/** What someone answered: three buttons; `waiting` is a yes past capacity, promoted in order. */
export type RsvpAnswer = 'yes' | 'maybe' | 'no';
export type RsvpState = RsvpAnswer | 'waiting';

/** Headcount of a session, by state. */
export type Headcount = Record<RsvpState, number>;

/**
 * What one click changed: the state before and after, who left the waiting list for a seat (if anyone), and the
 * headcount and session right after with their version (raised by every change), for the announcement.
 */
export interface RsvpChange {
  /** The session as stored when the answer was recorded (a change or cancellation may have landed since it was read). */
  session: Session;
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
  /**
   * Cancels a session as stored at that moment, `sequence` raised: nothing else in it changes, so an edit landing
   * after the caller read it is kept. The session just before and as cancelled; 'cancelled' (nothing changed) when
   * it already was.
   */
  cancel(sessionId: string): Promise<{ before: Session; after: Session } | 'cancelled'>;
  /**
   * Replaces a session by its changed version (the caller raises `sequence`), atomically with the answers: refused,
   * nothing saved, when its capacity is below the people coming (their number); else seats it adds (or all, with no
   * capacity any more) go to the waiting list, in order; the version is raised. A session cancelled meanwhile is not
   * changed ('cancelled'): an edit never undoes a cancellation.
   */
  change(
    session: Session,
  ): Promise<'cancelled' | { refused: number } | Omit<RsvpChange, 'previous' | 'current'>>;
  get(id: string): Promise<Session | undefined>;
  /** Every session, by date. */
  all(): Promise<Session[]>;
  /**
   * Records an answer (undefined withdraws it) to a stored session. A yes past its capacity as stored at that moment
   * waits; a yes given up frees its seat for the first in the waiting list. Clicking the same answer again changes
   * nothing. An answer (not a withdrawal) to a session cancelled at that moment is refused, nothing recorded.
   */
  answer(sessionId: string, email: string, answer: RsvpAnswer | undefined): Promise<RsvpChange | 'cancelled'>;
  /** A new version of the announcement's content (a cancellation), above every earlier one. */
  nextVersion(sessionId: string): Promise<number>;
  answers(sessionId: string): Promise<Map<string, RsvpState>>;
  headcount(sessionId: string): Promise<Headcount>;
  /** The waiting list, first in line first. */
  waiting(sessionId: string): Promise<string[]>;
  setFeedback(sessionId: string, email: string, feedback: Feedback): Promise<void>;
  feedbacks(sessionId: string): Promise<Map<string, Feedback>>;
}
