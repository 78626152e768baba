import { type Translate, translator } from '../i18n/index.js';
import type { Message } from '../message.js';
import type { Services } from '../ports.js';
import { formatDateTime } from '../time/format.js';

/** A person's name as the community file gives it (or made from the e-mail). */
export const nameOf = (services: Services, email: string): string =>
  services.roster.person(email, [], services.clock.now()).name;

/** A translator in the person's language (their choice, else the community's). */
export async function translatorFor(services: Services, email: string): Promise<Translate> {
  return translator((await services.people.locale(email)) ?? services.roster.data.locale);
}

/** A date and time in the community's timezone and the person's language. */
export async function whenFor(services: Services, email: string, at: Date): Promise<string> {
  const locale = (await services.people.locale(email)) ?? services.roster.data.locale;
  return formatDateTime(at, services.roster.data.timezone, locale);
}

/** A DM to one person, in their language, through the outbox under `key` (sent once). */
export async function tell(
  services: Services,
  email: string,
  key: string,
  build: (t: Translate) => Message,
): Promise<void> {
  const t = await translatorFor(services, email);
  await services.outbox.send({ key, to: { kind: 'person', email }, message: build(t) });
}
