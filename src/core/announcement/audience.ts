import { UserError } from '../errors.js';
import type { Roster } from '../roster/roster.js';
import type { DefiData, Person, Role, RoleGrant } from '../roster/types.js';
import { localDate } from '../time/local.js';
import type { Audience, DeliveryMode, Recipient } from './types.js';

// Words for each role, as people type them (French first, English too).
const ROLE_WORDS: Record<string, Role> = {
  eig: 'eig',
  mentor: 'mentor',
  mentors: 'mentor',
  mentore: 'mentor',
  alumni: 'alumni',
  anciens: 'alumni',
  coordination: 'coordinator',
  coordinateurs: 'coordinator',
  coordinators: 'coordinator',
  coordinator: 'coordinator',
};
const EVERYONE_WORDS = new Set(['tous', 'toutes', 'tout', 'all', 'everyone', 'communauté', 'communaute']);

/**
 * Reads an audience typed as words separated by commas or spaces: `tous`, promotion ids (`eig7`), roles (`eig`,
 * `mentors`, `alumni`, `coordination`) and défi ids (`lexiq`). An unknown word is a UserError naming it and the
 * words that exist; nothing at all is one too.
 */
export function parseAudience(text: string, roster: Roster): Audience {
  const audience: Audience = { everyone: false, promotions: [], roles: [], defis: [] };
  const words = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 0) throw new UserError('announcement.noAudience');
  const promotions = new Map(roster.data.promotions.map((p) => [p.id.toLowerCase(), p.id]));
  for (const word of words) {
    const role = ROLE_WORDS[word];
    const promotion = promotions.get(word);
    const defi = roster.defi(word)?.defi.id;
    if (EVERYONE_WORDS.has(word)) audience.everyone = true;
    else if (role) audience.roles.push(role);
    else if (promotion) audience.promotions.push(promotion);
    else if (defi) audience.defis.push(defi);
    else throw new UserError('announcement.unknownAudience', { word, known: knownWords(roster) });
  }
  return {
    everyone: audience.everyone,
    promotions: [...new Set(audience.promotions)],
    roles: [...new Set(audience.roles)],
    defis: [...new Set(audience.defis)],
  };
}

/** The words an audience may use, for the error message. */
function knownWords(roster: Roster): string {
  const defis = roster.data.promotions.flatMap((p) => p.defis.map((d) => d.id));
  const promotions = roster.data.promotions.map((p) => p.id);
  return ['tous', ...promotions, 'eig', 'mentors', 'alumni', 'coordination', ...defis].join(', ');
}

/**
 * Everyone and every channel an audience reaches at `now`, each once, sorted: people by their role at that date
 * (EIG of an ended promotion are alumni), those of community.yml and those given a role in chat (`granted`, e-mail →
 * grants: a mentor added with `/cohorte role` gets the announcements to mentors and to their défi; a mentor only while
 * one of their promotions runs), channels from
 * community.yml (the community's, the alumni's, the coordination's, each défi's). An empty result is a UserError:
 * there is no one to send to.
 */
export function resolveAudience(
  audience: Audience,
  mode: DeliveryMode,
  roster: Roster,
  now: Date,
  granted: ReadonlyMap<string, readonly RoleGrant[]> = new Map(),
): Recipient[] {
  const { data } = roster;
  const people = new Set<string>();
  const channels = new Set<string>();
  const everyone = [...new Set([...roster.emails(), ...granted.keys()])];
  const personOf = (email: string) => roster.person(email, [...(granted.get(email) ?? [])], now);
  const addDefi = (defi: DefiData) => {
    channels.add(defi.channel);
    for (const entry of [...defi.eig, ...defi.mentors]) people.add(roster.person(entry.email, [], now).email);
    for (const [email, grants] of granted)
      if (grants.some((g) => g.defiId?.toLowerCase() === defi.id.toLowerCase())) people.add(email);
  };
  if (audience.everyone) {
    channels.add(data.channels.community);
    for (const email of everyone) people.add(email);
  }
  for (const promotion of data.promotions.filter((p) => audience.promotions.includes(p.id))) {
    for (const defi of promotion.defis) addDefi(defi);
  }
  for (const id of audience.defis) {
    const found = roster.defi(id);
    if (found) addDefi(found.defi);
  }
  if (audience.roles.length > 0) {
    const today = localDate(now, data.timezone);
    // A mentor is written to as a mentor while one of their promotions runs: a finished one's mentors are done.
    const holds = (person: Person, role: Role) =>
      role === 'mentor'
        ? person.memberships.some((m) => m.role === 'mentor' && m.promotion.end >= today)
        : person.roles.includes(role);
    for (const email of everyone) {
      const person = personOf(email);
      if (audience.roles.some((role) => holds(person, role))) people.add(person.email);
    }
    for (const role of audience.roles)
      for (const channel of roleChannels(roster, role, now)) channels.add(channel);
  }
  const recipients: Recipient[] = [
    ...(mode === 'dms' ? [] : [...channels].sort().map((c) => `channel:${c}` as const)),
    ...(mode === 'channels' ? [] : [...people].sort().map((e) => `person:${e}` as const)),
  ];
  if (recipients.length === 0) throw new UserError('announcement.emptyAudience');
  return recipients;
}

/** The channels of a role: alumni and coordination have theirs; EIG and mentors are in their current défis'. */
function roleChannels(roster: Roster, role: Role, now: Date): string[] {
  const { data } = roster;
  if (role === 'alumni') return [data.channels.alumni];
  if (role === 'coordinator') return [data.channels.coordination];
  // A promotion is current while its EIG are EIG (the roster turns them into alumni after its end date).
  const current = data.promotions.filter((p) =>
    p.defis.some((d) => d.eig.some((e) => roster.person(e.email, [], now).roles.includes('eig'))),
  );
  return current.flatMap((p) => p.defis.map((d) => d.channel));
}
