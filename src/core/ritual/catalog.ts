import type { ScheduledRun } from '../job.js';
import type { Services } from '../ports.js';
import {
  type ReminderRitual,
  RITUAL_JOB,
  type RitualSource,
  type RitualStore,
  ritualIdOf,
  ritualSchedulerId,
} from './ritual.js';
import { schedulerPattern } from './schedule.js';

/** A ritual with where it comes from: what `/rituel liste` shows and the ritual job posts. */
export interface KnownRitual {
  ritual: ReminderRitual;
  source: RitualSource;
}

/** The job scheduler of a reminder ritual: its stable id, the pattern it fires on, its timezone when it has one. */
export function ritualRun(ritual: ReminderRitual): ScheduledRun {
  return {
    id: ritualSchedulerId(ritual.id),
    pattern: schedulerPattern(ritual.schedule),
    ...(ritual.timezone ? { tz: ritual.timezone } : {}),
    data: { ritualId: ritual.id },
  };
}

/**
 * The chat's rituals as the runs of their job schedulers, for a worker's start: all of them, or again some of them
 * by scheduler id, each read alone.
 */
export function chatRitualRuns(store: RitualStore) {
  const runOf = (ritual: ReminderRitual) => ({ ...ritualRun(ritual), name: RITUAL_JOB });
  return {
    all: async () => (await store.chatRituals()).map(runOf),
    async again(schedulerIds: readonly string[]) {
      const rituals = await Promise.all(schedulerIds.map((id) => store.chatRitual(ritualIdOf(id))));
      return rituals.flatMap((ritual) => (ritual ? [runOf(ritual)] : []));
    },
  };
}

/** The file's rituals then the chat's, together; a chat ritual never shadows a file one (ids are refused). */
export async function allRituals(services: Services): Promise<KnownRitual[]> {
  const file = services.roster.data.reminders ?? [];
  const chat = await services.rituals.chatRituals();
  return [
    ...file.map((ritual) => ({ ritual, source: 'file' as const })),
    ...chat.filter((c) => !fileRitual(services, c.id)).map((ritual) => ({ ritual, source: 'chat' as const })),
  ];
}

/** The file's rituals by id, indexed once per loaded file: a ritual job looks its own up among thousands. */
const fileIndexes = new WeakMap<readonly ReminderRitual[], ReadonlyMap<string, ReminderRitual>>();
const NO_RITUALS: readonly ReminderRitual[] = [];

/** The file's ritual of this id, if any. */
export function fileRitual(services: Services, id: string): ReminderRitual | undefined {
  const file = services.roster.data.reminders ?? NO_RITUALS;
  let index = fileIndexes.get(file);
  if (!index) {
    index = new Map(file.map((ritual) => [ritual.id, ritual]));
    fileIndexes.set(file, index);
  }
  return index.get(id);
}

/**
 * One ritual by id, file or chat, as it is now (read at each call: an edit or a deletion shows at the next firing).
 * The file's first (a chat ritual never shadows one), else the chat's one record alone, never the whole list.
 */
export async function findRitual(services: Services, id: string): Promise<KnownRitual | undefined> {
  const file = fileRitual(services, id);
  if (file) return { ritual: file, source: 'file' };
  const chat = await services.rituals.chatRitual(id);
  return chat && { ritual: chat, source: 'chat' };
}
