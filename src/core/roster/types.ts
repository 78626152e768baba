import type { BulleSettings } from '../bulle/settings.js';
import type { Locale } from '../i18n/index.js';
import type { ReminderRitual } from '../ritual/ritual.js';
import type { SessionRule } from '../sessions/session.js';
import type { StandupRitual } from '../standup/ritual.js';

/** Someone listed in the community file. People are known by e-mail, never by a platform id. */
export interface PersonEntry {
  email: string;
  name?: string | undefined;
  /** The person's Matrix (Tchap) id, for a homeserver without an identity server to look e-mails up. */
  matrix?: string | undefined;
}

/** A team of 2–3 EIG working on one challenge in one administration. */
export interface DefiData {
  id: string;
  name: string;
  administration: string;
  channel: string;
  eig: PersonEntry[];
  mentors: PersonEntry[];
}

/** One yearly promotion; `start` and `end` are calendar dates (yyyy-MM-dd) in the community's timezone. */
export interface PromotionData {
  id: string;
  name: string;
  start: string;
  end: string;
  defis: DefiData[];
}

/** What the core needs of `community.yml` (the loader in `src/community.ts` produces it). */
export interface CommunityData {
  timezone: string;
  locale: Locale;
  channels: { community: string; coordination: string; alumni: string };
  coordinators: PersonEntry[];
  promotions: PromotionData[];
  alumni: PersonEntry[];
  /** The stand-up rituals (`rituals:` of `kind: standup`), one per promotion at most. */
  standups: StandupRitual[];
  /** The reminder rituals of the file (`rituals:` of `kind: reminder`); absent means none. */
  reminders?: ReminderRitual[];
  /** The recurring session rules (`sessions:`); absent means none. */
  sessionRules?: SessionRule[];
  /** The bulloterie's settings and themes (defaults when absent: communities built by hand in tests). */
  bulloterie?: BulleSettings;
}

/** The four roles of the programme. */
export const ROLES = ['eig', 'mentor', 'coordinator', 'alumni'] as const;
export type Role = (typeof ROLES)[number];

/** A role given in chat with `/cohorte role`, stored in Redis, added to what the file says. */
export interface RoleGrant {
  role: Role;
  defiId?: string | undefined;
}

/** A person's place in one défi. */
export interface Membership {
  role: 'eig' | 'mentor';
  /** Where the place comes from: `community.yml`, or a role given in chat with `/cohorte role`. */
  source: 'file' | 'chat';
  promotion: PromotionData;
  defi: DefiData;
}

/** Everything Cohorte knows of someone's place in the community, at one date. */
export interface Person {
  email: string;
  name: string;
  roles: Role[];
  memberships: Membership[];
  alumniOf: PromotionData[];
  inCommunity: boolean;
}
