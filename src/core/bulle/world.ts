import { subDays } from 'date-fns/subDays';
import type { Services } from '../ports.js';
import { localDate } from '../time/local.js';
import { loadOf, type MatchWorld, RECENT_DECLINE_DAYS } from './match.js';
import { membersOnly } from './members.js';
import { type BulleSettings, DEFAULT_BULLE } from './settings.js';
import { indexSkills } from './skill-index.js';
import type { BulleRequest, Shared } from './store.js';
import { createThesaurus, type Thesaurus } from './topics.js';

const thesauri = new WeakMap<BulleSettings, Thesaurus>();

/** The community's bulloterie settings (defaults when it has none). */
const bulleSettings = (services: Pick<Services, 'roster'>): BulleSettings =>
  services.roster.data.bulloterie ?? DEFAULT_BULLE;

/** The thesaurus of the community's themes, built once per settings object. */
export function thesaurusOf(services: Pick<Services, 'roster'>): Thesaurus {
  const settings = bulleSettings(services);
  let thesaurus = thesauri.get(settings);
  if (!thesaurus) {
    thesaurus = createThesaurus(settings.themes);
    thesauri.set(settings, thesaurus);
  }
  return thesaurus;
}

/** Builds the matching world from snapshots already read (the round and the benchmark share it). */
export function buildWorld(
  services: Pick<Services, 'roster' | 'clock'>,
  settings: BulleSettings,
  thesaurus: Thesaurus,
  snapshot: {
    shares: ReadonlyMap<string, readonly Shared[]>;
    active: readonly BulleRequest[];
    pauses: ReadonlyMap<string, string>;
    declines: ReadonlyMap<string, string>;
  },
): MatchWorld {
  const now = services.clock.now();
  const defis = new Map<string, string[]>();
  return {
    index: indexSkills(snapshot.shares, thesaurus),
    defisOf(email) {
      let ids = defis.get(email);
      if (!ids) {
        ids = services.roster.person(email, [], now).memberships.map((m) => m.defi.id);
        defis.set(email, ids);
      }
      return ids;
    },
    load: loadOf(snapshot.active),
    pausedUntil: snapshot.pauses,
    declinedAt: snapshot.declines,
    today: localDate(now, services.roster.data.timezone),
    recentSince: subDays(now, RECENT_DECLINE_DAYS).toISOString(),
    maxOpen: settings.maxOpen,
  };
}

/** Reads everything matching needs from the store, now; also returns the requests in play it read. */
export async function loadWorld(
  services: Pick<Services, 'bulle' | 'roster' | 'clock' | 'people'>,
): Promise<{ world: MatchWorld; active: BulleRequest[] }> {
  const [everyShare, active, pauses, declines, granted] = await Promise.all([
    services.bulle.shares(),
    services.bulle.active(),
    services.bulle.pauses(),
    services.bulle.declines(),
    services.people.granted(),
  ]);
  // Only members are proposed.
  const shares = membersOnly(everyShare, services.roster, granted);
  const snapshot = { shares, active, pauses, declines };
  return { world: buildWorld(services, bulleSettings(services), thesaurusOf(services), snapshot), active };
}
