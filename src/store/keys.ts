import { createHash } from 'node:crypto';
import type { Platform } from '../core/ids.js';

/** A short stable digest of a key that may hold an e-mail, so no key name carries personal data. */
export const digest = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * Every Redis key name Cohorte uses, built here and nowhere else. All live under one prefix, so several instances
 * and test runs share a Redis without touching each other.
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
    /** Per-conversation pacing bucket of the outbox. */
    pace: (platform: Platform, conversation: string) => `${prefix}:outbox:pace:${platform}:${conversation}`,
    /** DM conversation id of a person on a platform (conversations.open is rate-limited). */
    dm: (platform: Platform, userId: string) => `${prefix}:dm:${platform}:${userId}`,
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
    /** BullMQ's own prefix. */
    bull: `${prefix}:bull`,
  };
}

/** The key builder's type. */
export type Keys = ReturnType<typeof createKeys>;
