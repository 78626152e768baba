import type { AnnouncementStore } from './announcement/store.js';
import type { BulleStore } from './bulle/store.js';
import type { Clock } from './clock.js';
import type { Locale } from './i18n/index.js';
import type { ChatUser, Platform } from './ids.js';
import type { ScheduledRun } from './job.js';
import type { Message } from './message.js';
import type { RitualStore } from './ritual/ritual.js';
import type { CronCheck, CronNext } from './ritual/schedule.js';
import type { Roster } from './roster/roster.js';
import type { RoleGrant } from './roster/types.js';
import type { SessionStore } from './sessions/store.js';
import type { StandupStore } from './standup/store.js';

/**
 * Where a message goes: a channel by its platform id or name, a person's DM by e-mail, or one group conversation
 * of a few people by their e-mails (a bulloterie introduction).
 */
export type Target =
  | { kind: 'channel'; channel: string }
  | { kind: 'person'; email: string }
  | { kind: 'group'; emails: string[] };

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
  /** Part of a fan-out: queued behind every ordinary message, so a big announcement never delays a reminder. */
  bulk?: boolean | undefined;
  /**
   * Until when the message may still be updated (a session's announcement: some days after the session). The outbox
   * keeps what it knows of it (its platform id, its parts), and tells the adapter to keep its own records of it
   * ({@link PostOptions.keepUntil}), until then at least; never less than its usual retention (30 days).
   */
  keepUntil?: Date | undefined;
}

/**
 * Where one delivery stands: waiting (or cancelled before it left), sent with its platform id, or failed. A failure
 * whose reason starts with {@link UNCONFIRMED} may have been posted: the platform never said (a timeout, a 5xx)
 * and the conversation could not be checked.
 */
export type DeliveryStatus =
  | { state: 'pending' }
  | { state: 'sent'; messageId: string }
  | { state: 'failed'; reason: string };

/**
 * New content for a message delivered earlier under `key`. Updates of one key apply in `version` order: the
 * highest wins, and an older one is never applied after a newer one.
 */
export interface DeliveryUpdate {
  key: string;
  to: Target;
  message: Message;
  version: number;
  /** Keeps the message updatable until then at least, when later than its delivery asked ({@link Delivery.keepUntil}). */
  keepUntil?: Date | undefined;
}

/** The one path for every message the bot sends on its own. Enqueues; never calls a platform directly. */
export interface Outbox {
  send(delivery: Delivery): Promise<void>;
  /**
   * Sends each of `deliveries` as {@link send} does, all queued in one round trip: for a few hundred at a time (a
   * fan-out's batch). A delivery already queued or sent under its key is left as it is.
   */
  sendMany(deliveries: readonly Delivery[]): Promise<void>;
  /**
   * Replaces the content of the message delivered under `update.key` (all its parts), paced like posts. An update
   * of a key not yet delivered waits for its delivery (up to an hour).
   */
  update(update: DeliveryUpdate): Promise<void>;
  /** Where each delivery stands, in the order of `keys`. */
  statuses(keys: readonly string[]): Promise<DeliveryStatus[]>;
  /** Withdraws the deliveries not started yet; returns how many were withdrawn. */
  cancel(keys: readonly string[]): Promise<number>;
  /**
   * Posts per second the outbox may make across the whole account (its workspace pace, set per platform: 8 by
   * default, 1 where the account has one call per second). Each edit costs one of the account's calls too: what
   * edits on a schedule of its own spaces its edits by this pace (an announcement's progress reports).
   */
  readonly postsPerSecond: number;
}

/** How the outbox asks for a post. */
export interface PostOptions {
  file?: Attachment;
  /** An id of the delivery carried in each part's metadata, so a part left ambiguous by a crash can be found. */
  tag?: string;
  /** Heard before each part is posted (pacing, recording the intent); may throw to postpone the rest. */
  beforePart?: (index: number) => Promise<unknown>;
  threadId?: string;
  posted?: ReadonlyMap<number, string>;
  onPart?: (index: number, id: string) => Promise<unknown>;
  /** Until when the message may be updated: what the adapter keeps to update it (a poll, say) lives that long. */
  keepUntil?: Date;
}

/** How the outbox asks for an update. */
export interface UpdateOptions {
  /** Until when the message may still be updated (as {@link PostOptions.keepUntil}). */
  keepUntil?: Date;
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
  /**
   * Replaces the content of a message posted earlier in parts (`messageIds`, in order). Throws DeliveryRefusedError
   * when the new content needs more parts than the message had; parts no longer needed are deleted, and so are
   * choices the new content no longer offers, wherever the platform shows them (buttons go with the blocks; choices
   * shown apart from the message are closed). Returns how many parts the message has now.
   */
  update(
    conversation: string,
    messageIds: readonly string[],
    message: Message,
    options?: UpdateOptions,
  ): Promise<number>;
  /**
   * Parts of the delivery tagged `tag` (under {@link DELIVERY_TAG}) posted in the conversation within
   * {@link FIND_POSTED_WINDOW_MS} of `around` (index → id).
   */
  findPosted(conversation: string, tag: string, around: Date): Promise<Map<number, string>>;
}

/** Maps chat accounts to community e-mails and back, on the current platform. */
export interface Directory {
  emailOf(user: ChatUser): Promise<string | undefined>;
  userIdOf(email: string): Promise<string | undefined>;
}

/** What every command needs to know about the person asking, beyond the roster: chat-given roles and language. */
export interface Profile {
  grants: RoleGrant[];
  locale: Locale | undefined;
}

/** Chat-side state about people: roles given with `/cohorte role` and language preference. */
export interface PeopleStore {
  /** Grants and language in one read. */
  profile(email: string): Promise<Profile>;
  /**
   * The e-mail the {@link IdentityCache} holds for a chat account, with that person's profile, in one read: what
   * every command starts with. Undefined when the account's e-mail is not cached (the directory asks the platform).
   */
  profileOfUser(user: ChatUser): Promise<(Profile & { email: string }) | undefined>;
  grants(email: string): Promise<RoleGrant[]>;
  grant(email: string, grant: RoleGrant): Promise<void>;
  /** Removes every chat-given grant of that role; false when there was none. */
  revoke(email: string, role: RoleGrant['role']): Promise<boolean>;
  /** Everyone holding a role given in chat, with those roles (e-mail order). */
  granted(): Promise<Map<string, RoleGrant[]>>;
  locale(email: string): Promise<Locale | undefined>;
  setLocale(email: string, locale: Locale): Promise<void>;
}

/** Every store that holds something about a person, seen as one: for `/cohorte mes-donnees` and `oublier`. */
export interface PersonalData {
  exportAll(email: string): Promise<Record<string, unknown>>;
  eraseAll(email: string): Promise<void>;
}

/** The pages a personal link opens: my week (everyone), the coordination dashboard, the bubble map. */
export type PageName = 'moi' | 'tableau' | 'bulles';

/** Hands out personal links to the pages: signed, single-use, short-lived (see src/web/link.ts). */
export interface PageLinks {
  /** A new link that opens `page` for `email`, valid {@link PAGE_LINK_TTL_MS}. */
  link(email: string, page: PageName): Promise<string>;
}

/** What is known of a delivered message (the outbox's records, an adapter's) is kept this long at least: 30 days. */
export const DELIVERY_KEPT_MS = 30 * 24 * 3600_000;

/**
 * How long a record of a delivered message is kept: {@link DELIVERY_KEPT_MS}, or until `keepUntil` (its
 * {@link PostOptions.keepUntil}) when that is later, so the record lives as long as the message may be updated.
 * `keepUntil` is a date on the bot's clock, and `now` the time on it (a test's or the local shell's clock is not the
 * machine's).
 */
export const keptMs = (keepUntil: Date | undefined, now: Date): number =>
  Math.max(DELIVERY_KEPT_MS, (keepUntil?.getTime() ?? 0) - now.getTime());

/** How long a personal link to the pages stays valid. */
export const PAGE_LINK_TTL_MS = 15 * 60_000;

/** One open page session: whose, and the token every form of it must carry. */
export interface WebSession {
  email: string;
  csrf: string;
  createdAt: string;
}

/** What a personal link opens, kept server-side under its nonce (so no e-mail travels in the address). */
export interface PendingLink {
  email: string;
  page: PageName;
}

/** Page sessions and pending links, kept in Redis. */
export interface WebSessionStore {
  saveLink(nonce: string, link: PendingLink, ttlMs: number): Promise<void>;
  /** Takes a link's record once: a second call (a reused link) or an expired one gets undefined. */
  takeLink(nonce: string): Promise<PendingLink | undefined>;
  open(id: string, session: WebSession, ttlMs: number): Promise<void>;
  get(id: string): Promise<WebSession | undefined>;
  close(id: string): Promise<void>;
}

/** A log sink, so the core can report without knowing pino. */
export interface Logger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/**
 * The job schedulers chat can change at once (rituals made or edited in chat), under stable ids: an upsert replaces,
 * never adds. `cronNext` reads cron as the schedulers do; `cronCheck` is the one check of a ritual's cron.
 */
export interface Schedules {
  upsert(name: string, run: ScheduledRun): Promise<void>;
  remove(id: string): Promise<void>;
  cronNext: CronNext;
  cronCheck: CronCheck;
  /** Runs job `name` once at `at` (at once if past); the same `key` is scheduled once (deterministic job id). */
  once(name: string, key: string, at: Date, data: Record<string, unknown>): Promise<void>;
  /** Withdraws a job scheduled with {@link once} that has not run yet; false when there was none. */
  cancelOnce(key: string): Promise<boolean>;
}

/** Everything handlers and jobs may use. Built once, in `createCohorte` (`src/app.ts`). */
export interface Services {
  roster: Roster;
  people: PeopleStore;
  personalData: PersonalData;
  standups: StandupStore;
  announcements: AnnouncementStore;
  rituals: RitualStore;
  sessions: SessionStore;
  schedules: Schedules;
  /**
   * The address of the sessions' calendar feed (`PUBLIC_URL/calendar.ics`, with `?token=` when `CALENDAR_TOKEN` is
   * set), or undefined without a public URL: announcements link to it.
   */
  calendarFeed: string | undefined;
  bulle: BulleStore;
  /** Personal links to the pages; undefined when the pages are off (no `WEB_SESSION_SECRET`). */
  pages: PageLinks | undefined;
  outbox: Outbox;
  directory: Directory;
  clock: Clock;
  log: Logger;
  /** True for errors that mean "a dependency is down, retry later" (Redis unreachable, …). */
  isUnavailable(error: unknown): boolean;
}

/** A failed job as the coordinators see it: what it was, why it failed, when. */
export interface FailedJob {
  name: string;
  reason: string;
  at: Date | undefined;
}

/** One queue's health: how many jobs wait, run, wait for their time, and failed, with the latest failures. */
export interface QueueHealth {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** The latest failures, newest first (a few). */
  latestFailures: FailedJob[];
}

/** The queues' health, read by the coordinators' dashboard: implemented by the queue layer, injected into the pages. */
export interface QueueMonitor {
  health(): Promise<QueueHealth[]>;
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

/** Secrets the platform gave for our slash commands (Mattermost's per-command tokens), by trigger. */
export interface CommandTokens {
  tokenOf(platform: Platform, trigger: string): Promise<string | undefined>;
  remember(platform: Platform, trigger: string, token: string): Promise<void>;
}

/** What the local shell (and ops tooling) may do with scheduled jobs. */
export interface JobControl {
  list(): Promise<{ id: string; pattern: string; tz: string; next: Date | undefined }[]>;
  /** Runs a job now, outside its schedule. False when no job has that name. */
  runNow(name: string): Promise<boolean>;
}

/** A job the local shell lists: a scheduler with its cron and next run, or a delayed job with its due time. */
export interface ShellJobListing {
  id: string;
  kind: 'recurring' | 'delayed';
  pattern?: string;
  at: Date | undefined;
}

/**
 * The local shell's hold on jobs and time: its clock drives the schedulers and the delayed jobs, so it can move a
 * week forward and see everything that week does, in order.
 */
export interface ShellJobs {
  now(): Date;
  /** Schedulers and delayed jobs, the soonest first, times on the shell's clock. */
  list(): Promise<ShellJobListing[]>;
  /**
   * Runs now, and waits for, a scheduler by id (as a manual run: `manual` set) or a delayed job by its listed id or
   * its job name (the next one due): with its real data. `unknown` when no job has that name, `nothing-due` when
   * it names a delayed job of which none waits.
   */
  run(id: string): Promise<{ summary: string } | { error: string } | 'unknown' | 'nothing-due'>;
  /** Waits until no job waits or runs and the outbox has delivered everything (bounded). */
  settle(): Promise<void>;
  /** Sets the clock to `at`: nothing due in between runs. */
  set(at: Date): void;
  /**
   * Moves the clock forward to `to` through every moment something is due, running each at its time and waiting
   * for what it sent; `onStep` hears each moment before its job runs.
   */
  advance(to: Date, onStep: (at: Date) => void): Promise<void>;
}

/** The name under which every outbox post carries its delivery and part (Slack message metadata, Mattermost props). */
export const DELIVERY_TAG = 'cohorte_delivery';

/** Prefix of the failure reason of a delivery that may have been posted after all (`unconfirmed:<why>`). */
export const UNCONFIRMED = 'unconfirmed:';

/** How far around the moment a post was about to be sent `findPosted` looks: clocks and queues differ by seconds. */
export const FIND_POSTED_WINDOW_MS = 60_000;

/**
 * A small key-value store an adapter keeps its own state in (a sync position, pending choices, a conversation in
 * progress), shared by every process of the deployment. Names are the adapter's; values are text.
 */
export interface ChatState {
  get(name: string): Promise<string | undefined>;
  /** Sets `name`, forgotten after `ttlMs`. */
  set(name: string, value: string, ttlMs: number): Promise<void>;
  delete(name: string): Promise<void>;
  /** Sets `name` to `value` only when it is absent: true for the one caller that set it (a lock, an event seen). */
  claim(name: string, value: string, ttlMs: number): Promise<boolean>;
  /** Extends a claim still holding `value`; false when it expired or another holder took it. */
  renew(name: string, value: string, ttlMs: number): Promise<boolean>;
}
