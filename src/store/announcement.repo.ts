import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AnnouncementStore } from '../core/announcement/store.js';
import { type Announcement, AnnouncementSchema, type Recipient } from '../core/announcement/types.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import type { RedisClient } from './redis.js';

/** Announcements and their recipient lists are kept 180 days (the list and the reports read them). */
const TTL_SECONDS = 180 * 24 * 3600;
const RecipientsSchema = z.array(z.string().regex(/^(person|channel):.+/)) as unknown as z.ZodType<
  Recipient[]
>;

/**
 * Announcements, one JSON string each, indexed by creation time; each one's recipients once resolved. Recipients
 * name people: the list is part of the personal data (`/cohorte mes-donnees`, `oublier`).
 */
export function createAnnouncementRepo(
  redis: RedisClient,
  keys: Keys,
): AnnouncementStore & PersonalDataSource {
  const k = keys.announcement;
  const get = async (id: string) => {
    const raw = await redis.get(k.item(id));
    return raw === null ? undefined : AnnouncementSchema.parse(JSON.parse(raw));
  };
  const save = async (announcement: Announcement) => {
    await redis.set(k.item(announcement.id), JSON.stringify(announcement), 'EX', TTL_SECONDS);
  };
  const recipients = async (id: string) => {
    const raw = await redis.get(k.recipients(id));
    return raw === null ? [] : RecipientsSchema.parse(JSON.parse(raw));
  };
  const ids = async () => redis.zrevrange(k.index, 0, -1);

  return {
    name: 'announcements',
    async create(draft) {
      // Six hex characters: short enough to type in `/annonce annuler <id>`; a clash is tried again.
      for (;;) {
        const id = randomBytes(3).toString('hex');
        const created = await redis.set(
          k.item(id),
          JSON.stringify({ ...draft, id }),
          'EX',
          TTL_SECONDS,
          'NX',
        );
        if (created === null) continue;
        await redis.zadd(k.index, Date.parse(draft.createdAt), id);
        return { ...draft, id };
      }
    },
    get,
    save,
    async recent(limit) {
      await redis.zremrangebyscore(k.index, '-inf', Date.now() - TTL_SECONDS * 1000);
      const found: Announcement[] = [];
      for (const id of await ids()) {
        const announcement = await get(id);
        if (announcement && announcement.state !== 'draft') found.push(announcement);
        if (found.length >= limit) break;
      }
      return found;
    },
    async setRecipients(id, list) {
      await redis.set(k.recipients(id), JSON.stringify(list), 'EX', TTL_SECONDS);
    },
    recipients,
    async export(email) {
      const received: string[] = [];
      for (const id of await ids()) {
        if ((await recipients(id)).includes(`person:${email}`)) received.push(id);
      }
      return { received };
    },
    async erase(email) {
      for (const id of await ids()) {
        const list = await recipients(id);
        const kept = list.filter((r) => r !== `person:${email}`);
        if (kept.length !== list.length) await redis.set(k.recipients(id), JSON.stringify(kept), 'KEEPTTL');
      }
    },
  };
}
