/** One person's stand-up for one period: their answers by question id, and when they last wrote. */
export interface StandupEntry {
  email: string;
  answers: Record<string, string>;
  at: string;
  /**
   * When it was first posted (an edit keeps it): what says whether it came in time. Entries stored before it was
   * kept lack it; their `at` stands in.
   */
  firstAt?: string | undefined;
  /** How many times it was edited after the first post. */
  edits: number;
}

/** A *Besoin d'aide ?* answer, kept so someone can be found to help (the bulloterie picks them up). */
export interface HelpRequest {
  id: string;
  ritualId: string;
  periodId: string;
  defiId: string;
  email: string;
  text: string;
  at: string;
}

/** A period of absence, calendar dates inclusive (`yyyy-MM-dd`). */
export interface Absence {
  from: string;
  to: string;
}

/** Where a défi's digest was posted for a period, so a late post can go in its thread. */
export interface DigestRecord {
  deliveryKey: string;
  channel: string;
}

/** Stand-ups in Redis, as the stand-up handlers and jobs see them. */
export interface StandupStore {
  /**
   * Records (or replaces) a person's answers, those `merge` makes of the stored ones (none on a first post),
   * atomically: when another post of the same person lands in between, `merge` runs again on what that one stored,
   * so neither post's answers are lost. Returns the entry as stored and whether it was an edit.
   */
  save(
    ritualId: string,
    periodId: string,
    post: { email: string; at: string },
    merge: (stored: Record<string, string> | undefined) => Record<string, string>,
  ): Promise<{ entry: StandupEntry; edited: boolean }>;
  entry(ritualId: string, periodId: string, email: string): Promise<StandupEntry | undefined>;
  entries(ritualId: string, periodId: string): Promise<StandupEntry[]>;
  /** The entries of several periods of a ritual in one read, by period id (e-mail order, as {@link entries}). */
  entriesOf(ritualId: string, periodIds: readonly string[]): Promise<Map<string, StandupEntry[]>>;
  /** The person's most recent answers, whatever the period: to prefill the form. */
  last(email: string): Promise<StandupEntry | undefined>;
  /** The person's periods, newest first: `ritualId|periodId`. */
  history(email: string, count: number): Promise<{ ritualId: string; periodId: string }[]>;

  setHelp(request: HelpRequest): Promise<void>;
  /** Removes the help request of a person for a period (they edited their answer to no longer ask). */
  clearHelp(ritualId: string, periodId: string, email: string): Promise<void>;
  help(id: string): Promise<HelpRequest | undefined>;
  helpFor(ritualId: string, periodId: string): Promise<HelpRequest[]>;
  /** The help requests of several periods of a ritual in one read, oldest first. */
  helpForPeriods(ritualId: string, periodIds: readonly string[]): Promise<HelpRequest[]>;

  absences(email: string): Promise<Absence[]>;
  /** Several people's absences in one read (a digest or a reminder round reads a whole promotion). */
  absencesOf(emails: readonly string[]): Promise<Map<string, Absence[]>>;
  addAbsence(email: string, absence: Absence): Promise<void>;
  /** Replaces every absence of a person (after `/standup present`). */
  setAbsences(email: string, absences: readonly Absence[]): Promise<void>;

  /** Marks a défi's digest as posted; false when it already was (the digest job ran twice). */
  claimDigest(ritualId: string, periodId: string, defiId: string, record: DigestRecord): Promise<boolean>;
  digest(ritualId: string, periodId: string, defiId: string): Promise<DigestRecord | undefined>;
}

/** The id of a person's help request for a period: one per person and period, so an edit replaces it. */
export const helpRequestId = (ritualId: string, periodId: string, email: string): string =>
  `${ritualId}|${periodId}|${email}`;
