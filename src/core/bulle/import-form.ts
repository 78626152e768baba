import { type Context, ephemeral, type Reply } from '../handler.js';
import type { Rich } from '../message.js';
import { readWorkshop } from './import.js';
import { thesaurusOf } from './world.js';

/** Form id of `/bulle import` (letters and digits: Mattermost). */
export const BULLE_IMPORT_FORM = 'bulleimport';

/** Imports a pasted workshop CSV and says what it did: bubbles added, already known, people not found, lines skipped. */
export async function importWorkshop({ services, t }: Context, csv: string): Promise<Reply> {
  const now = services.clock.now();
  const found = readWorkshop(csv, services.roster, thesaurusOf(services), now);
  let added = 0;
  for (const { email, skill } of found.skills) if (await services.bulle.addSkill(email, skill)) added++;
  const people = new Set(found.skills.map((s) => s.email)).size;
  const lines: Rich[] = [
    t('bulle.import.done', { skills: added, people, duplicates: found.skills.length - added }),
  ];
  if (found.unknown.length)
    lines.push(
      t('bulle.import.unknown', { list: found.unknown.map((u) => `${u.who} (${u.line})`).join(', ') }),
    );
  if (found.skipped.length) lines.push(t('bulle.import.skipped', { lines: found.skipped.join(', ') }));
  return ephemeral(...lines);
}
