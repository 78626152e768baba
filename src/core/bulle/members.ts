import type { Services } from '../ports.js';
import type { Roster } from '../roster/roster.js';
import type { Skill } from './store.js';

/**
 * Keeps the entries of people in the community now: in the file, or given a role in chat (a Person's
 * `inCommunity`, without building thousands of them). A skill shared by someone since removed from the file (or
 * before outsiders were refused) stays stored, and theirs to erase, but is neither proposed nor shown.
 */
export function membersOnly<T>(
  byEmail: ReadonlyMap<string, T>,
  roster: Roster,
  granted: ReadonlyMap<string, unknown>,
): Map<string, T> {
  const inFile = new Set(roster.emails());
  return new Map([...byEmail].filter(([email]) => inFile.has(email) || granted.has(email)));
}

/** Every skill of the people in the community now, by e-mail: what the maps show (an erased person has none). */
export async function communitySkills(
  services: Pick<Services, 'bulle' | 'people' | 'roster'>,
): Promise<Map<string, Skill[]>> {
  const [skills, granted] = await Promise.all([services.bulle.allSkills(), services.people.granted()]);
  return membersOnly(skills, services.roster, granted);
}
