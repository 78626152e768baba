import { z } from 'zod';
import { helpRequestId, type StandupEntry, type StandupStore } from '../core/standup/store.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import type { RedisClient } from './redis.js';

const EntrySchema = z.object({
  email: z.string(),
  answers: z.record(z.string(), z.string()),
  at: z.string(),
  firstAt: z.string().optional(),
  edits: z.number().int().min(0),
});
const HelpSchema = z.object({
  id: z.string(),
  ritualId: z.string(),
  periodId: z.string(),
  defiId: z.string(),
  email: z.string(),
  text: z.string(),
  at: z.string(),
});
const AbsencesSchema = z.array(z.object({ from: z.string(), to: z.string() }));
const DigestSchema = z.object({ deliveryKey: z.string(), channel: z.string() });

/** Tries at a post before giving up: another post of the same person landing in between forces a new read. */
const MAX_TRIES = 20;
// Compare-and-set on the stored entry: a post merged with answers another post just replaced writes nothing.
const SAVE = `
if (redis.call('HGET', KEYS[1], ARGV[1]) or '') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[5])
return 1`;

/** Plain code-unit order: the same every time, and far cheaper than a collation for e-mails (12 periods × 500). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const json = <T>(schema: z.ZodType<T>, raw: string | null): T | undefined =>
  raw === null ? undefined : schema.parse(JSON.parse(raw));

/** Stand-up answers, help requests, absences and digest markers in Redis. */
export function createStandupRepo(redis: RedisClient, keys: Keys): StandupStore & PersonalDataSource {
  const k = keys.standup;
  const repo: StandupStore & PersonalDataSource = {
    name: 'standups',
    async save(ritualId, periodId, { email, at }, merge) {
      const key = k.answers(ritualId, periodId);
      for (let i = 0; i < MAX_TRIES; i++) {
        const raw = await redis.hget(key, email);
        const previous = json(EntrySchema, raw);
        const answers = merge(previous?.answers);
        const stored: StandupEntry = {
          email,
          answers,
          at,
          firstAt: previous ? (previous.firstAt ?? previous.at) : at,
          edits: previous ? previous.edits + 1 : 0,
        };
        const written = await redis.eval(
          SAVE,
          3,
          key,
          k.last(email),
          k.history(email),
          email,
          raw ?? '',
          JSON.stringify(stored),
          Date.parse(at),
          `${ritualId}|${periodId}`,
        );
        if (written === 1) return { entry: stored, edited: previous !== undefined };
      }
      throw new Error(`stand-up of ${ritualId}|${periodId} kept changing; gave up after ${MAX_TRIES} tries`);
    },
    async entry(ritualId, periodId, email) {
      return json(EntrySchema, await redis.hget(k.answers(ritualId, periodId), email));
    },
    async entries(ritualId, periodId) {
      return (await repo.entriesOf(ritualId, [periodId])).get(periodId) ?? [];
    },
    async entriesOf(ritualId, periodIds) {
      const pipeline = redis.pipeline();
      for (const periodId of periodIds) pipeline.hvals(k.answers(ritualId, periodId));
      const results = (await pipeline.exec()) ?? [];
      // A hash keeps no order people could rely on: by e-mail, the same every time.
      return new Map(
        periodIds.map((periodId, i) => [
          periodId,
          ((results[i]?.[1] as string[] | undefined) ?? [])
            .map((raw) => EntrySchema.parse(JSON.parse(raw)))
            .sort((a, b) => byCodeUnits(a.email, b.email)),
        ]),
      );
    },
    async last(email) {
      return json(EntrySchema, await redis.get(k.last(email)));
    },
    async history(email, count) {
      const members = await redis.zrevrange(k.history(email), 0, count - 1);
      return members.map((m) => {
        const [ritualId = '', periodId = ''] = m.split('|');
        return { ritualId, periodId };
      });
    },
    async setHelp(request) {
      await redis
        .multi()
        .set(k.help(request.id), JSON.stringify(request))
        .sadd(k.helpIndex(request.ritualId, request.periodId), request.id)
        .sadd(k.helpOf(request.email), request.id)
        .exec();
    },
    async clearHelp(ritualId, periodId, email) {
      const id = helpRequestId(ritualId, periodId, email);
      await redis
        .multi()
        .del(k.help(id))
        .srem(k.helpIndex(ritualId, periodId), id)
        .srem(k.helpOf(email), id)
        .exec();
    },
    async help(id) {
      return json(HelpSchema, await redis.get(k.help(id)));
    },
    async helpFor(ritualId, periodId) {
      return repo.helpForPeriods(ritualId, [periodId]);
    },
    async helpForPeriods(ritualId, periodIds) {
      const indexes = redis.pipeline();
      for (const periodId of periodIds) indexes.smembers(k.helpIndex(ritualId, periodId));
      // A set has no order: oldest first (ids, which name the author, break ties), as digests list them.
      const ids = ((await indexes.exec()) ?? []).flatMap(([, found]) => found as string[]).sort();
      const raws = ids.length ? await redis.mget(...ids.map((id) => k.help(id))) : [];
      return raws
        .flatMap((raw) => (raw === null ? [] : [HelpSchema.parse(JSON.parse(raw))]))
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    async absences(email) {
      return json(AbsencesSchema, await redis.get(k.absences(email))) ?? [];
    },
    async absencesOf(emails) {
      const raws = emails.length ? await redis.mget(...emails.map((email) => k.absences(email))) : [];
      return new Map(emails.map((email, i) => [email, json(AbsencesSchema, raws[i] ?? null) ?? []]));
    },
    async addAbsence(email, absence) {
      const current = await repo.absences(email);
      await redis.set(k.absences(email), JSON.stringify([...current, absence]));
    },
    async setAbsences(email, absences) {
      if (absences.length) await redis.set(k.absences(email), JSON.stringify(absences));
      else await redis.del(k.absences(email));
    },
    async claimDigest(ritualId, periodId, defiId, record) {
      return (await redis.hsetnx(k.digests(ritualId, periodId), defiId, JSON.stringify(record))) === 1;
    },
    async digest(ritualId, periodId, defiId) {
      return json(DigestSchema, await redis.hget(k.digests(ritualId, periodId), defiId));
    },
    async export(email) {
      const periods = await repo.history(email, 10_000);
      const entries = await Promise.all(
        periods.map(async (p) => ({ ...p, ...(await repo.entry(p.ritualId, p.periodId, email)) })),
      );
      const helpIds = (await redis.smembers(k.helpOf(email))).sort();
      const help = await Promise.all(helpIds.map((id) => repo.help(id)));
      return { entries, helpRequests: help.filter(Boolean), absences: await repo.absences(email) };
    },
    async erase(email) {
      for (const { ritualId, periodId } of await repo.history(email, 10_000)) {
        await redis.hdel(k.answers(ritualId, periodId), email);
        await repo.clearHelp(ritualId, periodId, email);
      }
      await redis.del(k.history(email), k.last(email), k.absences(email), k.helpOf(email));
    },
  };
  return repo;
}
