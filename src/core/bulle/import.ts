import { parseCsv } from '../csv.js';
import { UserError } from '../errors.js';
import type { Roster } from '../roster/roster.js';
import type { Skill } from './store.js';
import { DOMAINS, type Domain, normalizeTopic, type Thesaurus } from './topics.js';

/** One bubble to add, from one line of the workshop CSV. */
export interface ImportedSkill {
  email: string;
  skill: Skill;
}

/** What the file gave: the bubbles, the people it names that the community file does not know, the lines skipped. */
export interface WorkshopImport {
  skills: ImportedSkill[];
  unknown: { line: number; who: string }[];
  skipped: number[];
}

const flat = (text: string) => normalizeTopic(text.replace(/-/g, ''));
const COLUMNS = {
  person: ['nom ou email', 'email', 'nom', 'nom email', 'personne', 'name'],
  theme: ['theme'],
  subject: ['sujet'],
  learn: ['prend'],
  share: ['donne'],
};

/** An index of the community's people by normalised name (accents and case ignored). */
function peopleByName(roster: Roster, now: Date): Map<string, string> {
  const byName = new Map<string, string>();
  for (const email of roster.emails()) byName.set(flat(roster.person(email, [], now).name), email);
  return byName;
}

/**
 * Reads the bootcamp workshop's CSV (columns Nom or e-mail, Métier, Thème, Sujet, Prend, Donne — `1` in Prend means
 * wants to learn, in Donne can share). A person is found by e-mail or by name in the community file; people not
 * found are reported with their line, never fatal. The topic is the Sujet (else the Thème), understood like a
 * typed one; a free topic takes the Thème as its domain when it names one. Throws when the header is not there.
 */
export function readWorkshop(text: string, roster: Roster, thesaurus: Thesaurus, now: Date): WorkshopImport {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map(flat);
  const column = (aliases: string[]) => names.findIndex((name) => aliases.map(flat).includes(name));
  const at = Object.fromEntries(
    Object.entries(COLUMNS).map(([k, aliases]) => [k, column(aliases)]),
  ) as Record<keyof typeof COLUMNS, number>;
  if (at.person < 0 || at.learn < 0 || at.share < 0 || (at.theme < 0 && at.subject < 0))
    throw new UserError('bulle.import.badHeader');
  const byName = peopleByName(roster, now);
  const known = new Set(roster.emails());
  const result: WorkshopImport = { skills: [], unknown: [], skipped: [] };
  const stamp = now.toISOString();
  rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (index: number) => (index < 0 ? '' : (row[index] ?? '').trim());
    if (row.every((value) => value.trim() === '')) return;
    const who = cell(at.person);
    const email = who.includes('@') ? who.toLowerCase() : byName.get(flat(who));
    const topic = thesaurus.resolve(cell(at.subject) || cell(at.theme));
    const kinds = (['learn', 'share'] as const).filter((kind) => cell(at[kind]) === '1');
    if (!topic || kinds.length === 0) {
      result.skipped.push(line);
      return;
    }
    if (!email || !known.has(email)) {
      result.unknown.push({ line, who: who || '?' });
      return;
    }
    const themeDomain = DOMAINS.find((d) => flat(d) === flat(cell(at.theme)));
    const domain: Domain = topic.domain === 'Autre' && themeDomain ? themeDomain : topic.domain;
    for (const kind of kinds)
      result.skills.push({
        email,
        skill: { kind, key: topic.key, label: topic.label, domain, at: stamp, source: 'import' },
      });
  });
  return result;
}
