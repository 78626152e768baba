import type { Absence, HelpRequest, StandupEntry, StandupStore } from '../../src/core/standup/store.js';
import { helpRequestId } from '../../src/core/standup/store.js';
import { frenchText, helpText, moodOf, type SyntheticCommunity, seededRandom } from './standup-community.js';

/** How many of each kind {@link seedStandups} wrote. */
export interface SeedCounts {
  posted: number;
  /** Absent on the period's deadline day (so not expected), none of whom posted. */
  absent: number;
  /** With an absence recorded at other dates: their absences are read, and do not count. */
  elsewhere: number;
  help: number;
  silent: number;
}

/** What a period looks like once seeded: everything a digest reads, kept in memory too. */
export interface SeededPeriod {
  counts: SeedCounts;
  entries: StandupEntry[];
  help: HelpRequest[];
  absences: Map<string, Absence[]>;
}

/** Runs `work` on every item, `width` at a time (ioredis pipelines what is in flight on one connection). */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

/**
 * Seeds one period of the community's ritual through the real store, as people would have filled it: shuffled
 * with a fixed seed, `absentShare` of the EIG absent on `deadlineDay`, then `postedShare` of everyone posted
 * (météo, priorities and, for most, wins and difficulties, each 100–400 characters), `help` of those posted also
 * asking for help (a help answer and a help request), and `elsewhereShare` with an absence at other dates.
 */
export async function seedStandups(
  store: StandupStore,
  community: SyntheticCommunity,
  period: { id: string; deadlineDay: string; at: Date },
  shares: { absent: number; posted: number; help: number; elsewhere: number },
): Promise<SeededPeriod> {
  const random = seededRandom(48);
  const people = [...community.eig];
  for (let i = people.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [people[i], people[j]] = [people[j] as (typeof people)[number], people[i] as (typeof people)[number]];
  }
  const total = people.length;
  const absentCount = Math.round(total * shares.absent);
  const postedCount = Math.min(total - absentCount, Math.round(total * shares.posted));
  const absentPeople = people.slice(0, absentCount);
  const posters = people.slice(absentCount, absentCount + postedCount);
  const elsewhere = people.slice(absentCount).filter((_, i) => i % Math.round(1 / shares.elsewhere) === 0);
  const ritualId = community.ritual.id;
  const at = period.at.toISOString();
  const day = period.deadlineDay;
  const absences = new Map<string, Absence[]>();

  await inBatches(absentPeople, 25, async (p) => {
    const absence = { from: `${day.slice(0, 8)}01`, to: day };
    absences.set(p.email, [absence]);
    await store.addAbsence(p.email, absence);
  });
  await inBatches(elsewhere, 25, async (p) => {
    // Next year's first days: recorded and read, but not covering this deadline.
    const absence = {
      from: `${Number(day.slice(0, 4)) + 1}-01-02`,
      to: `${Number(day.slice(0, 4)) + 1}-01-09`,
    };
    absences.set(p.email, [absence]);
    await store.addAbsence(p.email, absence);
  });

  const entries: StandupEntry[] = [];
  const help: HelpRequest[] = [];
  const drafts = posters.map((p, i) => {
    const answers: Record<string, string> = {
      meteo: moodOf(random),
      priorites: frenchText(random, 100, 400),
    };
    if (random() < 0.75) answers.difficultes = frenchText(random, 100, 400);
    if (i < shares.help) answers.aide = helpText(random);
    return { person: p, answers };
  });
  await inBatches(drafts, 25, async ({ person, answers }) => {
    const { entry } = await store.save(ritualId, period.id, { email: person.email, at }, () => answers);
    entries.push(entry);
    if (!answers.aide) return;
    const request: HelpRequest = {
      id: helpRequestId(ritualId, period.id, person.email),
      ritualId,
      periodId: period.id,
      defiId: person.defiId,
      email: person.email,
      text: answers.aide,
      at,
    };
    help.push(request);
    await store.setHelp(request);
  });
  return {
    counts: {
      posted: entries.length,
      absent: absentPeople.length,
      elsewhere: elsewhere.length,
      help: help.length,
      silent: total - entries.length - absentPeople.length,
    },
    entries,
    help,
    absences,
  };
}

const notForDigests = (method: string) => () => {
  throw new Error(`the in-memory stand-up store does not implement ${method}`);
};

/**
 * The seeded period as an in-memory {@link StandupStore}: the same answers, help requests and absences without
 * Redis, to time the digest's building alone. Only what the digest job calls is there.
 */
export function memoryStandupStore(seeded: SeededPeriod): StandupStore {
  return {
    save: notForDigests('save'),
    entry: notForDigests('entry'),
    last: notForDigests('last'),
    history: notForDigests('history'),
    setHelp: notForDigests('setHelp'),
    clearHelp: notForDigests('clearHelp'),
    help: notForDigests('help'),
    addAbsence: notForDigests('addAbsence'),
    setAbsences: notForDigests('setAbsences'),
    digest: notForDigests('digest'),
    entriesOf: notForDigests('entriesOf'),
    helpForPeriods: notForDigests('helpForPeriods'),
    // Copies, as a Redis read would return new objects each time.
    entries: async () => seeded.entries.map((e) => ({ ...e, answers: { ...e.answers } })),
    helpFor: async () => seeded.help.map((h) => ({ ...h })),
    absences: async (email) => (seeded.absences.get(email) ?? []).map((a) => ({ ...a })),
    absencesOf: async (emails) =>
      new Map(emails.map((email) => [email, (seeded.absences.get(email) ?? []).map((a) => ({ ...a }))])),
    claimDigest: async () => false,
  };
}
