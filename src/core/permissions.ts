import type { Person, Role } from './roster/types.js';

/** Everything someone may or may not be allowed to do. Each feature adds its permissions here. */
export type Permission =
  | 'roles.manage'
  | 'standup.export'
  | 'standup.readAll'
  | 'ritual.manage'
  | 'sessions.manage'
  | 'bulle.import'
  | 'announcement.send'
  | 'pages.dashboard';

const RULES: Record<Permission, readonly Role[]> = {
  'roles.manage': ['coordinator'],
  'standup.export': ['coordinator'],
  'standup.readAll': ['coordinator'],
  'ritual.manage': ['coordinator'],
  'sessions.manage': ['coordinator'],
  'bulle.import': ['coordinator'],
  'announcement.send': ['coordinator'],
  'pages.dashboard': ['coordinator'],
};

/** Whether `person` mentors one of these défis (ids compared without case). */
export const mentorsOneOf = (person: Person, defiIds: ReadonlySet<string>): boolean =>
  person.memberships.some((m) => m.role === 'mentor' && defiIds.has(m.defi.id.toLowerCase()));

/** The one permission check of Cohorte. */
export function can(person: Person, permission: Permission): boolean {
  return RULES[permission].some((role) => person.roles.includes(role));
}
