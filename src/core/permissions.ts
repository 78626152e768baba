import type { Person, Role } from './roster/types.js';

/** Everything someone may or may not be allowed to do. Each issue adds its actions here. */
export type Action = 'roles.manage';

const RULES: Record<Action, readonly Role[]> = {
  'roles.manage': ['coordinator'],
};

/** The one permission check of Cohorte. */
export function can(person: Person, action: Action): boolean {
  return RULES[action].some((role) => person.roles.includes(role));
}
