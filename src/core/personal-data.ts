import type { Services } from './ports.js';
import type { Person } from './roster/types.js';
import { withdrawAnswers } from './sessions/rsvp.js';

/** Action id of the confirmation buttons of `/cohorte oublier`: letters and digits only (Mattermost). */
export const FORGET_ACTION = 'cohorteforget';

/**
 * Everything Cohorte keeps on a person, as one JSON document: who, when, their roles and every store's section.
 * What `/cohorte mes-donnees` sends by DM and `/moi` downloads.
 */
export async function personalDataDocument(services: Services, person: Person, now: Date): Promise<string> {
  const document = {
    email: person.email,
    exportedAt: now.toISOString(),
    roles: person.roles,
    stores: await services.personalData.exportAll(person.email),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Erases everything Cohorte keeps on a person, from the chat (`/cohorte oublier`) or the pages. Session answers
 * are withdrawn first, as clicks would be, so the seats they free reach the waiting list out loud.
 */
export async function forgetPerson(services: Services, email: string): Promise<void> {
  await withdrawAnswers(services, email);
  await services.personalData.eraseAll(email);
}
