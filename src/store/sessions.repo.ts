import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type Session, SessionDetailsSchema } from '../core/sessions/session.js';
import type { Feedback, Headcount, RsvpState, SessionStore } from '../core/sessions/store.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';

const SessionSchema = SessionDetailsSchema.and(
  z.object({
    id: z.string(),
    date: z.string(),
    timezone: z.string(),
    rule: z.string().optional(),
    sequence: z.number().int().min(0),
    cancelled: z.boolean(),
    createdAt: z.string(),
  }),
);
const StateSchema = z.enum(['yes', 'maybe', 'no', 'waiting']);
const FeedbackSchema = z.object({ rating: z.number().int().min(1).max(5), comment: z.string() });

/**
 * One answer, atomically (KEYS: answers, counts, waiting, waiting order, version; ARGV: email, answer or '' to
 * withdraw, capacity or 0). A yes past capacity waits in line; seats given up go to the first in line. With no
 * email, only fills free seats from the line (a capacity raised). Returns previous, current, the promoted e-mails
 * (newline-separated), then the version and the headcount after it, read in the same step: the announcement
 * showing a higher version always shows a later count.
 */
const ANSWER_SCRIPT = `
local function result(previous, current, promoted, version)
  local c = redis.call('HMGET', KEYS[2], 'yes', 'maybe', 'no', 'waiting')
  return {previous, current, promoted, version, c[1] or '0', c[2] or '0', c[3] or '0', c[4] or '0'}
end
local capacity = tonumber(ARGV[3])
local function fill()
  local promoted = {}
  while capacity > 0 and tonumber(redis.call('HGET', KEYS[2], 'yes') or '0') < capacity do
    local first = redis.call('ZRANGE', KEYS[3], 0, 0)[1]
    if not first then break end
    redis.call('ZREM', KEYS[3], first)
    redis.call('HSET', KEYS[1], first, 'yes')
    redis.call('HINCRBY', KEYS[2], 'waiting', -1)
    redis.call('HINCRBY', KEYS[2], 'yes', 1)
    table.insert(promoted, first)
  end
  return table.concat(promoted, '\\n')
end
if ARGV[1] == '' then
  local promoted = fill()
  if promoted == '' then return result('', '', '', redis.call('GET', KEYS[5]) or '0') end
  return result('', '', promoted, redis.call('INCR', KEYS[5]))
end
local previous = redis.call('HGET', KEYS[1], ARGV[1]) or ''
local wanted = ARGV[2]
if previous == wanted or (previous == 'waiting' and wanted == 'yes') then
  return result(previous, previous, '', redis.call('GET', KEYS[5]) or '0')
end
if previous ~= '' then
  redis.call('HINCRBY', KEYS[2], previous, -1)
  if previous == 'waiting' then redis.call('ZREM', KEYS[3], ARGV[1]) end
end
local current = wanted
if wanted == 'yes' and capacity > 0 and tonumber(redis.call('HGET', KEYS[2], 'yes') or '0') >= capacity then
  current = 'waiting'
  redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[1])
end
if current == '' then redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], current)
  redis.call('HINCRBY', KEYS[2], current, 1)
end
local promoted = ''
if previous == 'yes' then promoted = fill() end
return result(previous, current, promoted, redis.call('INCR', KEYS[5]))
`;

const orUndefined = <T extends string>(value: string): T | undefined =>
  value === '' ? undefined : (value as T);

/** Sessions (a hash), and per session: answers, headcount, waiting list, feedback. Answers go through one script. */
export function createSessionsRepo(redis: Redis, keys: Keys): SessionStore & PersonalDataSource {
  const k = keys.sessions;
  const parse = (raw: string): Session => SessionSchema.parse(JSON.parse(raw)) as Session;
  const runAnswer = async (id: string, email: string, answer: string, capacity: number | undefined) => {
    const result = (await redis.eval(
      ANSWER_SCRIPT,
      5,
      k.answers(id),
      k.counts(id),
      k.waiting(id),
      k.waitingOrder(id),
      k.version(id),
      email,
      answer,
      String(capacity ?? 0),
    )) as (string | number)[];
    const [previous, current, promoted, version, yes, maybe, no, waiting] = result.map(String);
    return {
      previous: orUndefined<RsvpState>(previous ?? ''),
      current: orUndefined<RsvpState>(current ?? ''),
      promoted: promoted ? promoted.split('\n') : [],
      version: Number(version),
      headcount: { yes: Number(yes), maybe: Number(maybe), no: Number(no), waiting: Number(waiting) },
    };
  };
  const repo: SessionStore & PersonalDataSource = {
    name: 'sessions',
    async create(session) {
      return (await redis.hsetnx(k.all, session.id, JSON.stringify(session))) === 1;
    },
    async save(session) {
      await redis.hset(k.all, session.id, JSON.stringify(session));
    },
    async get(id) {
      const raw = await redis.hget(k.all, id);
      return raw === null ? undefined : parse(raw);
    },
    async all() {
      const sessions = (await redis.hvals(k.all)).map(parse);
      return sessions.sort((a, b) =>
        `${a.date} ${a.start} ${a.id}`.localeCompare(`${b.date} ${b.start} ${b.id}`),
      );
    },
    answer: (id, email, answer, capacity) => runAnswer(id, email, answer ?? '', capacity),
    // No capacity means no limit: every seat asked for is free.
    fill: (id, capacity) => runAnswer(id, '', '', capacity ?? Number.MAX_SAFE_INTEGER),
    async nextVersion(id) {
      return redis.incr(k.version(id));
    },
    async answers(id) {
      const all = await redis.hgetall(k.answers(id));
      return new Map(Object.entries(all).map(([email, state]) => [email, StateSchema.parse(state)]));
    },
    async headcount(id) {
      const counts = await redis.hgetall(k.counts(id));
      const count = (state: RsvpState) => Number(counts[state] ?? 0);
      return {
        yes: count('yes'),
        maybe: count('maybe'),
        no: count('no'),
        waiting: count('waiting'),
      } satisfies Headcount;
    },
    async waiting(id) {
      return redis.zrange(k.waiting(id), 0, -1);
    },
    async setFeedback(id, email, feedback) {
      await redis.hset(k.feedback(id), email, JSON.stringify(feedback));
    },
    async feedbacks(id) {
      const all = await redis.hgetall(k.feedback(id));
      return new Map(
        Object.entries(all)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([email, raw]): [string, Feedback] => [email, FeedbackSchema.parse(JSON.parse(raw))]),
      );
    },
    async export(email) {
      const out: Record<string, { answer?: string; feedback?: Feedback }> = {};
      for (const id of (await redis.hkeys(k.all)).sort()) {
        const [answer, feedback] = await Promise.all([
          redis.hget(k.answers(id), email),
          redis.hget(k.feedback(id), email),
        ]);
        if (answer || feedback)
          out[id] = {
            ...(answer ? { answer } : {}),
            ...(feedback ? { feedback: FeedbackSchema.parse(JSON.parse(feedback)) } : {}),
          };
      }
      return out;
    },
    async erase(email) {
      for (const session of await repo.all()) {
        // Withdrawing through the script keeps the headcount right and gives the seat to the next in line.
        await repo.answer(session.id, email, undefined, session.capacity);
        await redis.hdel(k.feedback(session.id), email);
      }
    },
  };
  return repo;
}
