import type { ScheduledRun } from '../job.js';
import type { Services } from '../ports.js';
import { type ReminderRitual, type RitualSource, ritualSchedulerId } from './ritual.js';
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

/** The file's rituals then the chat's, together; a chat ritual never shadows a file one (ids are refused). */
export async function allRituals(services: Services): Promise<KnownRitual[]> {
  const file = services.roster.data.reminders ?? [];
  const chat = await services.rituals.chatRituals();
  return [
    ...file.map((ritual) => ({ ritual, source: 'file' as const })),
    ...chat
      .filter((c) => !file.some((f) => f.id === c.id))
      .map((ritual) => ({ ritual, source: 'chat' as const })),
  ];
}

/** One ritual by id, file or chat. */
export async function findRitual(services: Services, id: string): Promise<KnownRitual | undefined> {
  return (await allRituals(services)).find((known) => known.ritual.id === id);
}
