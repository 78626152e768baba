import type { Path } from './yaml-problems.js';

/** Checks of `community.yml` that span several entries, on the raw YAML (before or despite schema errors). */

/** The items of a list as written, or none. */
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A key of a map as written, or undefined. */
export const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
/** A trimmed string as written, or undefined. */
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : undefined;

/** The lower-cased e-mail of a person as written (`a@b.fr` or `{ email: a@b.fr }`). */
const emailOf = (person: unknown): string | undefined =>
  str(typeof person === 'string' ? person : field(person, 'email'))?.toLowerCase();

/**
 * Checks across entries (ids, dates, references, people: each problem on its line), tolerant of shapes the schema
 * already reports.
 */
export function crossCheck(
  raw: unknown,
  report: (path: Path, message: string) => void,
  lineOf: (path: Path) => number | undefined,
): void {
  // The same person twice in one list is a copy-paste slip: accepted, it hides which line is the right one.
  const onceEach = (path: Path, list: unknown) => {
    const seen = new Map<string, Path>();
    asArray(list).forEach((person, i) => {
      const email = emailOf(person);
      if (!email) return;
      const first = seen.get(email);
      const name = String(path.at(-1));
      if (first)
        report(
          [...path, i],
          `${email} est déjà dans ${name} (ligne ${lineOf(first)}) : retirez l’une des deux lignes`,
        );
      else seen.set(email, [...path, i]);
    });
  };
  onceEach(['coordinators'], field(raw, 'coordinators'));
  onceEach(['alumni'], field(raw, 'alumni'));
  const promotionIds = new Map<string, number>();
  const defiIds = new Map<string, string>();
  asArray(field(raw, 'promotions')).forEach((promotion, p) => {
    const id = str(field(promotion, 'id'));
    if (id !== undefined) {
      if (promotionIds.has(id)) report(['promotions', p, 'id'], `identifiant de promotion en double : ${id}`);
      else promotionIds.set(id, p);
    }
    const start = str(field(promotion, 'start'));
    const end = str(field(promotion, 'end'));
    if (start && end && end < start)
      report(['promotions', p, 'end'], `la fin ${end} précède le début ${start}`);
    const eigSeen = new Map<string, string>();
    asArray(field(promotion, 'defis')).forEach((defi, d) => {
      const defiPath: Path = ['promotions', p, 'defis', d];
      const defiId = str(field(defi, 'id'));
      if (defiId !== undefined) {
        const other = defiIds.get(defiId.toLowerCase());
        if (other !== undefined) {
          report([...defiPath, 'id'], `identifiant de défi en double : ${defiId} (promotion ${other})`);
        } else defiIds.set(defiId.toLowerCase(), id ?? String(p));
      }
      onceEach([...defiPath, 'mentors'], field(defi, 'mentors'));
      asArray(field(defi, 'eig')).forEach((person, e) => {
        const email = emailOf(person);
        if (!email) return;
        const first = eigSeen.get(email);
        if (first !== undefined) {
          report([...defiPath, 'eig', e], `${email} est déjà EIG dans cette promotion (défi ${first})`);
        } else eigSeen.set(email, defiId ?? String(d));
      });
    });
  });
  const ritualIds = new Set<string>();
  asArray(field(raw, 'rituals')).forEach((ritual, r) => {
    const id = str(field(ritual, 'id'));
    if (id !== undefined && ritualIds.has(id))
      report(['rituals', r, 'id'], `identifiant de rituel en double : ${id}`);
    if (id !== undefined) ritualIds.add(id);
    const promotion = str(field(ritual, 'promotion'));
    if (promotion !== undefined && !promotionIds.has(promotion)) {
      report(['rituals', r, 'promotion'], `promotion inconnue : ${promotion}`);
    }
    asArray(field(ritual, 'defis')).forEach((defi, d) => {
      const id = str(defi);
      if (id !== undefined && !defiIds.has(id.toLowerCase())) {
        report(['rituals', r, 'defis', d], `défi inconnu : ${id}`);
      }
    });
  });
}
