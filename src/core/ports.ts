import type { Clock } from './clock.js';
import type { Locale } from './i18n/index.js';
import type { ChatUser, Platform } from './ids.js';
import type { Message } from './message.js';
import type { Roster } from './roster/roster.js';
import type { RoleGrant } from './roster/types.js';
import type { StandupStore } from './standup/store.js';

/** Where a message goes: a channel by its platform id or name, or a person's DM by e-mail. */
export type Target = { kind: 'channel'; channel: string } | { kind: 'person'; email: string };

/** A file attached to a delivery (UTF-8 text). */
export interface Attachment {
  name: string;
  content: string;
}

/**
 * One message to deliver through the outbox. `key` makes it idempotent: the same key is delivered at most once
 * while its record lives (see the outbox's retention).
 */
export interface Delivery {
  key: string;
  to: Target;
  message: Message;
  file?: Attachment | undefined;
  /** The key of an earlier delivery in the same conversation: this one goes in its thread. */
  replyTo?: string | undefined;
}

/** The one path for every message the bot sends on its own. Enqueues; never calls a platform directly. */
export interface Outbox {
  send(delivery: Delivery): Promise<void>;
}

/** How the outbox asks for a post. */
export interface PostOptions {
  file?: Attachment;
  threadId?: string;
  posted?: ReadonlyMap<number, string>;
  onPart?: (index: number, id: string) => Promise<unknown>;
}

/** What an adapter offers the outbox: turn targets into conversations and post there. */
export interface ChatSender {
  readonly platform: Platform;
  /** Opens (or finds in cache) the conversation of a target; returns its platform id. */
  conversation(to: Target): Promise<string>;
  /**
   * Posts a message (in a thread when `threadId` is set); returns the platform id of its first part. A message too
   * long for one post goes in parts: `onPart` hears each one posted, and parts in `posted` (by an earlier attempt)
   * are skipped. Throws RateLimitedError on 429.
   */
  post(conversation: string, message: Message, options?: PostOptions): Promise<string>;
}

/** Maps chat accounts to community e-mails and back, on the current platform. */
export interface Directory {
  emailOf(user: ChatUser): Promise<string | undefined>;
  userIdOf(email: string): Promise<string | undefined>;
}

/** Chat-side state about people: roles given with `/cohorte role` and language preference. */
export interface PeopleStore {
  /** Grants and language in one read: what every command needs to know about the person asking. */
  profile(email: string): Promise<{ grants: RoleGrant[]; locale: Locale | undefined }>;
  grants(email: string): Promise<RoleGrant[]>;
  grant(email: string, grant: RoleGrant): Promise<void>;
  /** Removes every chat-given grant of that role; false when there was none. */
  revoke(email: string, role: RoleGrant['role']): Promise<boolean>;
  locale(email: string): Promise<Locale | undefined>;
  setLocale(email: string, locale: Locale): Promise<void>;
}

/** Every store that holds something about a person, seen as one: for `/cohorte mes-donnees` and `oublier`. */
export interface PersonalData {
  exportAll(email: string): Promise<Record<string, unknown>>;
  eraseAll(email: string): Promise<void>;
}

/** A log sink, so the core can report without knowing pino. */
export interface Logger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** Everything handlers and jobs may use. Built once in `src/main.ts`. */
export interface Services {
  roster: Roster;
  people: PeopleStore;
  personalData: PersonalData;
  standups: StandupStore;
  outbox: Outbox;
  directory: Directory;
  clock: Clock;
  log: Logger;
  /** True for errors that mean "a dependency is down, retry later" (Redis unreachable, …). */
  isUnavailable(error: unknown): boolean;
}

/** Cache of platform accounts ↔ e-mails, so lookups hit the platform API once. */
export interface IdentityCache {
  emailOf(user: ChatUser): Promise<string | undefined>;
  userIdOf(platform: Platform, email: string): Promise<string | undefined>;
  remember(user: ChatUser, email: string): Promise<void>;
  /** The DM conversation already opened with an account (opening one is rate-limited). */
  dmOf(user: ChatUser): Promise<string | undefined>;
  rememberDm(user: ChatUser, conversation: string): Promise<void>;
}

/** What the local shell (and ops tooling) may do with scheduled jobs. */
export interface JobControl {
  list(): Promise<{ id: string; pattern: string; tz: string; next: Date | undefined }[]>;
  /** Runs a job now, outside its schedule. False when no job has that name. */
  runNow(name: string): Promise<boolean>;
}
