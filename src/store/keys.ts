import { createHash } from 'node:crypto';
import type { Platform } from '../core/ids.js';

/**
 * A short stable digest of an id that may hold e-mails (an outbox delivery key, a bulloterie request id), so that
 * those key names do not repeat them. Other key names are not hashed (see {@link createKeys}).
 */
export const digest = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * Every Redis key name Cohorte uses, built here and nowhere else. All live under one prefix, so several instances
 * and test runs share a Redis without touching each other.
 *
 * Personal data in key names: `person`, `identityByEmail`, `standup.helpOf`, `history`, `last`, `absences`,
 * `bulle.skills`, `requestsOf` and `web.sessionsOf` carry a person's e-mail in clear; `identityByUser` and `dm` carry a platform user
 * id (in the shell, user ids and DM conversations are e-mails, so `pace` and `paceWake`, which expire within
 * seconds, carry one there too). Whoever can list the keys (`redis-cli --scan`, `MONITOR`) sees those e-mails.
 * `/cohorte oublier` deletes a person's keys by these names; the outbox's keys and BullMQ job ids are hashed with
 * {@link digest}.
 */
export function createKeys(prefix: string) {
  return {
    /** Hash of one person's chat-side state (grants, locale). */
    person: (email: string) => `${prefix}:person:${email}`,
    /** Platform user id → e-mail. */
    identityByUser: (platform: Platform, userId: string) => `${prefix}:identity:${platform}:user:${userId}`,
    /** E-mail → platform user id. */
    identityByEmail: (platform: Platform, email: string) => `${prefix}:identity:${platform}:email:${email}`,
    /** Marker of a delivered outbox message: its platform message id. Hashed: delivery keys name people. */
    delivered: (key: string) => `${prefix}:outbox:delivered:${digest(key)}`,
    /** Parts of a long message already posted (index → platform id), so a retry posts only the rest. */
    deliveredParts: (key: string) => `${prefix}:outbox:parts:${digest(key)}`,
    /** Highest version of an outbox message's content applied by an update. */
    updatedVersion: (key: string) => `${prefix}:outbox:version:${digest(key)}`,
    /** Held while one update of an outbox message runs, so two versions never race. */
    updateLock: (key: string) => `${prefix}:outbox:update-lock:${digest(key)}`,
    /** The newest content asked for an outbox message (`version`, `update`): what its pending update job sends. */
    updateLatest: (key: string) => `${prefix}:outbox:update-latest:${digest(key)}`,
    /** The pattern every {@link updateLatest} key matches, to scan them (erasure). */
    updateLatestAll: () => `${prefix}:outbox:update-latest:*`,
    /** Set while an update job of an outbox message has yet to read its newest content: newer versions join it. */
    updatePending: (key: string) => `${prefix}:outbox:update-pending:${digest(key)}`,
    /** Per-conversation pacing of the outbox: the time of the last call booked there. */
    pace: (platform: Platform, conversation: string) => `${prefix}:outbox:pace:${platform}:${conversation}`,
    /** When the last job turned away by a busy conversation wakes up (spreads their wake-ups). */
    paceWake: (platform: Platform, conversation: string) =>
      `${prefix}:outbox:pace-wake:${platform}:${conversation}`,
    /**
     * Workspace-wide pacing of one kind of call: the outbox's `post` and `update` slots, and `api`, every call of the
     * bot's account from any process (Matrix).
     */
    paceWorkspace: (platform: Platform, kind: string) =>
      `${prefix}:outbox:pace-workspace:${platform}:${kind}`,
    /** The part of a message about to be posted, written before the call: after a crash, the send is ambiguous. */
    deliveryIntent: (key: string) => `${prefix}:outbox:intent:${digest(key)}`,
    /** A delivery withdrawn before it left: a job already running checks it before each call. */
    deliveryCancelled: (key: string) => `${prefix}:outbox:cancelled:${digest(key)}`,
    /** Why a delivery failed for good (its last error). */
    deliveryFailed: (key: string) => `${prefix}:outbox:failed:${digest(key)}`,
    /** DM conversation id of a person on a platform (conversations.open is rate-limited). */
    dm: (platform: Platform, userId: string) => `${prefix}:dm:${platform}:${userId}`,
    /** Slash-command tokens a platform handed out (trigger → token), to verify its requests. */
    commandTokens: (platform: Platform) => `${prefix}:commands:${platform}:tokens`,
    /**
     * A chat adapter's own state (its sync position, pending choices, a conversation in progress). Hashed: names may
     * hold account ids, and a Matrix id is derived from an e-mail.
     */
    chatState: (name: string) => `${prefix}:chat:${digest(name)}`,
    /** The pattern every {@link chatState} key matches, to scan them (erasure). */
    chatStateAll: () => `${prefix}:chat:*`,
    /** An inbound event already handled (platform retries). */
    seen: (platform: Platform, id: string) => `${prefix}:seen:${platform}:${id}`,
    /** Stand-ups: answers per ritual and period, per-person history, help requests, absences, digest markers. */
    standup: {
      answers: (ritualId: string, periodId: string) => `${prefix}:standup:${ritualId}:${periodId}:answers`,
      digests: (ritualId: string, periodId: string) => `${prefix}:standup:${ritualId}:${periodId}:digests`,
      helpIndex: (ritualId: string, periodId: string) => `${prefix}:standup:${ritualId}:${periodId}:help`,
      help: (id: string) => `${prefix}:standup:help:${id}`,
      helpOf: (email: string) => `${prefix}:standup:person:${email}:help`,
      history: (email: string) => `${prefix}:standup:person:${email}:history`,
      last: (email: string) => `${prefix}:standup:person:${email}:last`,
      absences: (email: string) => `${prefix}:standup:person:${email}:absences`,
    },
    /** Rituals: those made in chat (hash id → JSON), the paused ids, each one's skipped occurrences (`rituals:` kept: stored data). */
    ritual: {
      chat: `${prefix}:rituals:chat`,
      paused: `${prefix}:rituals:paused`,
      skipped: (id: string) => `${prefix}:rituals:${id}:skipped`,
    },
    /** Sessions: all of them (hash id → JSON), and per session its answers, headcount, waiting list, feedback. */
    sessions: {
      all: `${prefix}:sessions`,
      answers: (id: string) => `${prefix}:session:${id}:answers`,
      counts: (id: string) => `${prefix}:session:${id}:counts`,
      waiting: (id: string) => `${prefix}:session:${id}:waiting`,
      waitingOrder: (id: string) => `${prefix}:session:${id}:waiting-order`,
      feedback: (id: string) => `${prefix}:session:${id}:feedback`,
      /** Raised on every change of the announcement's content, so a stale update never wins. */
      version: (id: string) => `${prefix}:session:${id}:version`,
    },
    /** Bulloterie: skills per person, the people who have some, requests, pauses and declines. */
    bulle: {
      skills: (email: string) => `${prefix}:bulle:person:${email}:skills`,
      people: `${prefix}:bulle:people`,
      /** Everything shared, in one hash (`<e-mail>\n<topic key>` → label): a round reads it in one call. */
      shares: `${prefix}:bulle:shares`,
      request: (id: string) => `${prefix}:bulle:request:${digest(id)}`,
      requests: `${prefix}:bulle:requests`,
      active: `${prefix}:bulle:active`,
      requestsOf: (email: string) => `${prefix}:bulle:person:${email}:requests`,
      pauses: `${prefix}:bulle:pauses`,
      declines: `${prefix}:bulle:declines`,
    },
    /** Announcements: each one (JSON), the index by creation time, each one's resolved recipients (`announce:` kept: stored data). */
    announcement: {
      item: (id: string) => `${prefix}:announce:${id}`,
      index: `${prefix}:announce:index`,
      recipients: (id: string) => `${prefix}:announce:${id}:recipients`,
    },
    /** Pages: links not used yet (by nonce), sessions (by digest of their id), each person's open sessions. */
    web: {
      link: (nonce: string) => `${prefix}:web:link:${nonce}`,
      session: (id: string) => `${prefix}:web:session:${digest(id)}`,
      sessionsOf: (email: string) => `${prefix}:web:person:${email}:sessions`,
    },
    /** BullMQ's own prefix. */
    bull: `${prefix}:bull`,
  };
}

/** The key builder's type. */
export type Keys = ReturnType<typeof createKeys>;
