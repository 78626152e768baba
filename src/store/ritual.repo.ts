import { type ReminderRitual, ReminderRitualSchema, type RitualStore } from '../core/ritual/ritual.js';
import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';

/** Skipped occurrences kept per ritual (the oldest go first): only upcoming ones matter. */
const SKIPPED_KEPT = 20;

/** A stored chat ritual; a record stored before a rule tightened (an impossible date) reads as none. */
function parsed(raw: string): ReminderRitual | undefined {
  const result = ReminderRitualSchema.safeParse(JSON.parse(raw));
  return result.success ? (result.data as ReminderRitual) : undefined;
}

/**
 * Chat-made rituals (a hash), the paused ones (a set) and each ritual's skipped occurrences (a sorted set by time):
 * every change is one atomic Redis command, so two coordinators at once never undo each other.
 */
export function createRitualRepo(redis: RedisClient, keys: Keys): RitualStore {
  const k = keys.ritual;
  return {
    async chatRituals() {
      const all = await redis.hvals(k.chat);
      // An unreadable record is left out rather than breaking every list.
      return all.flatMap((raw) => parsed(raw) ?? []).sort((a, b) => a.id.localeCompare(b.id));
    },
    async chatRitual(id) {
      const raw = await redis.hget(k.chat, id);
      return raw === null ? undefined : parsed(raw);
    },
    async saveChat(ritual) {
      return (await redis.hset(k.chat, ritual.id, JSON.stringify(ritual))) === 1;
    },
    async deleteChat(id) {
      const results = await redis.multi().hdel(k.chat, id).srem(k.paused, id).del(k.skipped(id)).exec();
      return results?.[0]?.[1] === 1;
    },
    async states(ids) {
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.sismember(k.paused, id).zrange(k.skipped(id), 0, -1);
      const results = (await pipeline.exec()) ?? [];
      return new Map(
        ids.map((id, i) => [
          id,
          { paused: results[2 * i]?.[1] === 1, skipped: (results[2 * i + 1]?.[1] as string[]) ?? [] },
        ]),
      );
    },
    async setPaused(id, paused) {
      await (paused ? redis.sadd(k.paused, id) : redis.srem(k.paused, id));
    },
    async skip(id, occurrence) {
      await redis
        .multi()
        .zadd(k.skipped(id), Date.parse(occurrence), occurrence)
        .zremrangebyrank(k.skipped(id), 0, -SKIPPED_KEPT - 1)
        .exec();
    },
    async unskip(id, occurrence) {
      return (await redis.zrem(k.skipped(id), occurrence)) === 1;
    },
  };
}
