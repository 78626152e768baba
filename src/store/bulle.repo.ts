import { type BulleRequest, type BulleStore, isInPlay, type Skill } from '../core/bulle/store.js';
import { RequestSchema, SkillSchema } from './bulle.schemas.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import type { RedisClient } from './redis.js';

const MAX_RETRIES = 20;

// Compare-and-set on the request's version: a late job or a second click read an older version and lose.
const SAVE = `
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
if ARGV[4] == '1' then redis.call('SADD', KEYS[2], ARGV[5]) else redis.call('SREM', KEYS[2], ARGV[5]) end
return 1`;
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', '1', 'json', ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[2])
return 1`;

/** Skills in the order they were given (their topic breaks ties). */
const bySeen = <T extends { at: string; key: string }>(skills: T[]): T[] =>
  skills.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));

const parseRequest = (raw: string | null | undefined) =>
  raw ? (RequestSchema.parse(JSON.parse(raw)) as BulleRequest) : undefined;
const field = (kind: string, key: string) => `${kind}|${key}`;
// E-mails and normalised topic keys never hold a line break.
const shareField = (email: string, key: string) => `${email}\n${key}`;

/** Skills, requests, pauses and declines of the bulloterie in Redis. */
export function createBulleRepo(redis: RedisClient, keys: Keys): BulleStore & PersonalDataSource {
  const k = keys.bulle;
  const requestsByIds = async (ids: string[]) => {
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hget(k.request(id), 'json');
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([, raw]) => parseRequest(raw as string | null) ?? []);
  };
  const repo: BulleStore & PersonalDataSource = {
    name: 'bulloterie',
    async addSkill(email, skill) {
      const multi = redis
        .multi()
        .hsetnx(k.skills(email), field(skill.kind, skill.key), JSON.stringify(skill))
        .sadd(k.people, email);
      if (skill.kind === 'share') multi.hsetnx(k.shares, shareField(email, skill.key), skill.label);
      const [[, added] = []] = (await multi.exec()) ?? [];
      return added === 1;
    },
    async removeSkill(email, key) {
      const removed = await redis.hdel(k.skills(email), field('share', key), field('learn', key));
      await redis.hdel(k.shares, shareField(email, key));
      if ((await redis.hlen(k.skills(email))) === 0) await redis.srem(k.people, email);
      return removed;
    },
    async skillsOf(email) {
      return bySeen((await redis.hvals(k.skills(email))).map((raw) => SkillSchema.parse(JSON.parse(raw))));
    },
    async allSkills() {
      // Sets and hashes keep no order: people by e-mail, skills oldest first, so a topic's label is the same each time.
      const people = (await redis.smembers(k.people)).sort();
      const pipeline = redis.pipeline();
      for (const email of people) pipeline.hvals(k.skills(email));
      const results = (await pipeline.exec()) ?? [];
      return new Map(
        people.map((email, i) => [
          email,
          bySeen(
            ((results[i]?.[1] as string[] | undefined) ?? []).map(
              (raw) => SkillSchema.parse(JSON.parse(raw)) as Skill,
            ),
          ),
        ]),
      );
    },
    async shares() {
      const all = await redis.hgetall(k.shares);
      const out = new Map<string, { key: string; label: string }[]>();
      for (const [name, label] of Object.entries(all)) {
        const cut = name.indexOf('\n');
        if (cut <= 0 || cut === name.length - 1) throw new Error(`malformed share field in ${k.shares}`);
        const email = name.slice(0, cut);
        const key = name.slice(cut + 1);
        const list = out.get(email);
        if (list) list.push({ key, label });
        else out.set(email, [{ key, label }]);
      }
      return out;
    },
    async create(request) {
      const created = await redis.eval(
        CREATE,
        4,
        k.request(request.id),
        k.active,
        k.requests,
        k.requestsOf(request.email),
        JSON.stringify(request),
        request.id,
        Date.parse(request.createdAt),
      );
      return created === 1;
    },
    async request(id) {
      return parseRequest(await redis.hget(k.request(id), 'json'));
    },
    async active() {
      return requestsByIds((await redis.smembers(k.active)).sort());
    },
    async recent(count) {
      return requestsByIds(await redis.zrevrange(k.requests, 0, count - 1));
    },
    async requestsOf(email) {
      return requestsByIds((await redis.smembers(k.requestsOf(email))).sort());
    },
    async update(id, change) {
      for (let i = 0; i < MAX_RETRIES; i++) {
        const [version, raw] = await redis.hmget(k.request(id), 'v', 'json');
        const current = parseRequest(raw);
        if (!current || !version) return undefined;
        const next = change(current);
        if (!next) return undefined;
        const active = isInPlay(next.status) ? '1' : '0';
        const saved = await redis.eval(
          SAVE,
          2,
          k.request(id),
          k.active,
          version,
          String(Number(version) + 1),
          JSON.stringify(next),
          active,
          id,
        );
        if (saved === 1) return next;
      }
      throw new Error(`request ${id} kept changing; gave up after ${MAX_RETRIES} tries`);
    },
    async setPause(email, until) {
      if (until) await redis.hset(k.pauses, email, until);
      else await redis.hdel(k.pauses, email);
    },
    async pauses() {
      return new Map(Object.entries(await redis.hgetall(k.pauses)));
    },
    async noteDecline(email, at) {
      await redis.hset(k.declines, email, at);
    },
    async declines() {
      return new Map(Object.entries(await redis.hgetall(k.declines)));
    },
    async export(email) {
      return {
        skills: await repo.skillsOf(email),
        requests: await repo.requestsOf(email),
        pausedUntil: await redis.hget(k.pauses, email),
        lastDecline: await redis.hget(k.declines, email),
      };
    },
    async erase(email) {
      const ids = await redis.smembers(k.requestsOf(email));
      const shared = (await repo.skillsOf(email)).filter((s) => s.kind === 'share');
      if (shared.length) await redis.hdel(k.shares, ...shared.map((s) => shareField(email, s.key)));
      const multi = redis.multi().del(k.skills(email), k.requestsOf(email)).srem(k.people, email);
      for (const id of ids) multi.del(k.request(id)).srem(k.active, id).zrem(k.requests, id);
      await multi.hdel(k.pauses, email).hdel(k.declines, email).exec();
      // Other people's requests name her as someone asked or as their helper: she leaves them, they stay theirs
      // (a proposal waiting for her goes back to waiting; the weekly round asks someone else).
      const named = (await requestsByIds(await redis.zrange(k.requests, 0, -1))).filter((r) =>
        [r.candidate, r.helper, ...r.tried, ...r.candidates.map((c) => c.email)].includes(email),
      );
      for (const request of named)
        await repo.update(request.id, (r) => ({
          ...r,
          status: r.candidate === email ? 'open' : r.status,
          candidate: r.candidate === email ? undefined : r.candidate,
          helper: r.helper === email ? undefined : r.helper,
          tried: r.tried.filter((e) => e !== email),
          candidates: r.candidates.filter((c) => c.email !== email),
        }));
    },
  };
  return repo;
}
