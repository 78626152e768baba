import type { CommunityData, DefiData, Membership, Person, PromotionData, Role, RoleGrant } from './types.js';

/** The roster: who is who in the community file, with chat-given roles merged in. */
export interface Roster {
  readonly data: CommunityData;
  /** The person behind an e-mail at `now`: EIG of an ended promotion count as alumni. */
  person(email: string, grants: RoleGrant[], now: Date): Person;
  /** A défi by id (case-insensitive), with its promotion. */
  defi(id: string): { defi: DefiData; promotion: PromotionData } | undefined;
  /** Every e-mail the file mentions, once. */
  emails(): string[];
}

/**
 * The promotions a person belongs to: those of their défis (as EIG or mentor, from the file or given in chat) and
 * those they finished (alumni). None for the coordination, alumni the file lists alone, and people outside it.
 */
export const promotionIdsOf = (person: Person): Set<string> =>
  new Set([...person.memberships.map((m) => m.promotion.id), ...person.alumniOf.map((p) => p.id)]);

/** Lower-cased, trimmed e-mail: the one key of a person everywhere in Cohorte. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A readable name from an e-mail when the file gives none: camille.martin@… → Camille Martin. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** What the file says of one e-mail. */
interface FileFacts {
  name: string;
  coordinator: boolean;
  alumni: boolean;
  places: Membership[];
}

/** Builds the roster of a community file. */
export function createRoster(data: CommunityData): Roster {
  const defis = new Map<string, { defi: DefiData; promotion: PromotionData }>();
  // Everything the file says of each e-mail, indexed once: a lookup never scans the promotions.
  const index = new Map<string, FileFacts>();
  const facts = (entry: { email: string; name?: string | undefined }): FileFacts => {
    const email = normalizeEmail(entry.email);
    const found = index.get(email) ?? { name: '', coordinator: false, alumni: false, places: [] };
    if (entry.name && !found.name) found.name = entry.name;
    index.set(email, found);
    return found;
  };
  for (const person of data.coordinators) facts(person).coordinator = true;
  for (const person of data.alumni) facts(person).alumni = true;
  for (const promotion of data.promotions) {
    for (const defi of promotion.defis) {
      defis.set(defi.id.toLowerCase(), { defi, promotion });
      for (const mentor of defi.mentors)
        facts(mentor).places.push({ role: 'mentor', source: 'file', promotion, defi });
      for (const eig of defi.eig) facts(eig).places.push({ role: 'eig', source: 'file', promotion, defi });
    }
  }
  // One formatter for the roster's life: formatting a date in a timezone is the costly part of a lookup.
  const dayFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: data.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  // Every timezone's offset is whole quarter-hours: within one minute, the day is the same.
  let formatted = { minute: Number.NaN, day: '' };
  const dayOf = (now: Date) => {
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== formatted.minute) formatted = { minute, day: dayFormat.format(now) };
    return formatted.day;
  };

  return {
    data,
    defi: (id) => defis.get(id.toLowerCase()),
    emails: () => [...index.keys()],
    person(rawEmail, grants, now) {
      const email = normalizeEmail(rawEmail);
      const today = dayOf(now);
      const known = index.get(email);
      const roles = new Set<Role>();
      const memberships: Membership[] = [];
      const alumniOf: PromotionData[] = [];
      if (known?.coordinator) roles.add('coordinator');
      if (known?.alumni) roles.add('alumni');
      for (const place of known?.places ?? []) {
        if (place.role === 'mentor') {
          roles.add('mentor');
          memberships.push(place);
        } else if (place.promotion.end < today) {
          roles.add('alumni');
          if (!alumniOf.includes(place.promotion)) alumniOf.push(place.promotion);
        } else {
          roles.add('eig');
          memberships.push(place);
        }
      }
      for (const grant of grants) {
        roles.add(grant.role);
        const found = grant.defiId ? defis.get(grant.defiId.toLowerCase()) : undefined;
        if (found && (grant.role === 'eig' || grant.role === 'mentor')) {
          const already = memberships.some((m) => m.role === grant.role && m.defi === found.defi);
          if (!already) memberships.push({ role: grant.role, source: 'chat', ...found });
        }
      }
      const inCommunity = known !== undefined || grants.length > 0;
      return {
        email,
        name: known?.name || nameFromEmail(email),
        roles: [...roles],
        memberships,
        alumniOf,
        inCommunity,
      };
    },
  };
}
