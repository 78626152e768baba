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

/** Builds the roster of a community file. */
export function createRoster(data: CommunityData): Roster {
  const names = new Map<string, string>();
  const defis = new Map<string, { defi: DefiData; promotion: PromotionData }>();
  const remember = (entry: { email: string; name?: string | undefined }) => {
    const email = normalizeEmail(entry.email);
    if (entry.name && !names.has(email)) names.set(email, entry.name);
    if (!names.has(email)) names.set(email, '');
  };
  data.coordinators.forEach(remember);
  data.alumni.forEach(remember);
  for (const promotion of data.promotions) {
    for (const defi of promotion.defis) {
      defis.set(defi.id.toLowerCase(), { defi, promotion });
      defi.eig.forEach(remember);
      defi.mentors.forEach(remember);
    }
  }
  // One formatter for the roster's life: formatting a date in a timezone is the costly part of a lookup.
  const dayFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: data.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dayOf = (now: Date) => dayFormat.format(now);
  const has = (list: { email: string }[], email: string) =>
    list.some((p) => normalizeEmail(p.email) === email);

  return {
    data,
    defi: (id) => defis.get(id.toLowerCase()),
    emails: () => [...names.keys()],
    person(rawEmail, grants, now) {
      const email = normalizeEmail(rawEmail);
      const today = dayOf(now);
      const roles = new Set<Role>();
      const memberships: Membership[] = [];
      const alumniOf: PromotionData[] = [];
      if (has(data.coordinators, email)) roles.add('coordinator');
      if (has(data.alumni, email)) roles.add('alumni');
      for (const promotion of data.promotions) {
        for (const defi of promotion.defis) {
          if (has(defi.mentors, email)) {
            roles.add('mentor');
            memberships.push({ role: 'mentor', promotion, defi });
          }
          if (!has(defi.eig, email)) continue;
          if (promotion.end < today) {
            roles.add('alumni');
            if (!alumniOf.includes(promotion)) alumniOf.push(promotion);
          } else {
            roles.add('eig');
            memberships.push({ role: 'eig', promotion, defi });
          }
        }
      }
      for (const grant of grants) {
        roles.add(grant.role);
        const found = grant.defiId ? defis.get(grant.defiId.toLowerCase()) : undefined;
        if (found && (grant.role === 'eig' || grant.role === 'mentor')) {
          const already = memberships.some((m) => m.role === grant.role && m.defi === found.defi);
          if (!already) memberships.push({ role: grant.role, ...found });
        }
      }
      const inCommunity = names.has(email) || grants.length > 0;
      return {
        email,
        name: names.get(email) || nameFromEmail(email),
        roles: [...roles],
        memberships,
        alumniOf,
        inCommunity,
      };
    },
  };
}
