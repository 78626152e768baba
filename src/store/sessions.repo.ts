import { z } from 'zod';
import { type Session, SessionDetailsSchema } from '../core/sessions/session.js';
import type { Feedback, Headcount, RsvpState, SessionStore } from '../core/sessions/store.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import type { RedisClient } from './redis.js';

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
 * What the two scripts share (KEYS: answers, counts, waiting, waiting order, version, sessions). `limit` reads a
 * session's capacity from its JSON (none: no limit); `fill` gives free seats to the first in line; `result` returns
 * previous, current, the promoted e-mails (newline-separated), then the version, the headcount and the session after
 * it, read in the same step: the announcement showing a higher version always shows a later count and session.
 */
const SHARED = `
local function result(previous, current, promoted, version, session)
  local c = redis.call('HMGET', KEYS[2], 'yes', 'maybe', 'no', 'waiting')
  return {previous, current, promoted, version, c[1] or '0', c[2] or '0', c[3] or '0', c[4] or '0', session}
end
local function limit(raw)
  local capacity = raw and cjson.decode(raw).capacity
  if type(capacity) == 'number' then return capacity end
  return math.huge
end
local function coming() return tonumber(redis.call('HGET', KEYS[2], 'yes') or '0') end
local function fill(capacity)
  local promoted = {}
  while coming() < capacity do
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
`;

/**
 * One answer, atomically with the session's capacity and cancellation as stored (ARGV: session id, email, answer
 * or '' to withdraw). An answer to a cancelled session is refused (returns 'cancelled' alone); a withdrawal goes.
 * A yes past capacity waits in line; seats given up go to the first in line.
 */
const ANSWER_SCRIPT = `${SHARED}
local session = redis.call('HGET', KEYS[6], ARGV[1])
if not session then return redis.error_reply('ERR no session ' .. ARGV[1]) end
if ARGV[3] ~= '' and cjson.decode(session).cancelled then return {'cancelled'} end
local capacity = limit(session)
local previous = redis.call('HGET', KEYS[1], ARGV[2]) or ''
local wanted = ARGV[3]
if previous == wanted or (previous == 'waiting' and wanted == 'yes') then
  return result(previous, previous, '', redis.call('GET', KEYS[5]) or '0', session)
end
if previous ~= '' then
  redis.call('HINCRBY', KEYS[2], previous, -1)
  if previous == 'waiting' then redis.call('ZREM', KEYS[3], ARGV[2]) end
end
local current = wanted
if wanted == 'yes' and coming() >= capacity then
  current = 'waiting'
  redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[2])
end
if current == '' then redis.call('HDEL', KEYS[1], ARGV[2])
else
  redis.call('HSET', KEYS[1], ARGV[2], current)
  redis.call('HINCRBY', KEYS[2], current, 1)
end
local promoted = ''
if previous == 'yes' then promoted = fill(capacity) end
return result(previous, current, promoted, redis.call('INCR', KEYS[5]), session)
`;

/**
 * A changed session saved, atomically with the answers (ARGV: session id, its JSON): refused when the stored session
 * was cancelled meanwhile (returns 'cancelled' alone: an edit never undoes a cancellation), or when its capacity is
 * below the people coming (returns their number alone); else seats it adds go to the first in line, and the version
 * is raised (the announcement's content changed).
 */
const CHANGE_SCRIPT = `${SHARED}
local stored = redis.call('HGET', KEYS[6], ARGV[1])
if stored and cjson.decode(stored).cancelled then return {'cancelled'} end
local capacity = limit(ARGV[2])
if coming() > capacity then return {coming()} end
redis.call('HSET', KEYS[6], ARGV[1], ARGV[2])
return result('', '', fill(capacity), redis.call('INCR', KEYS[5]), ARGV[2])
`;

/**
 * A session replaced only if it is still stored as read (KEYS: sessions; ARGV: session id, the JSON read, the
 * JSON to store): 1 when stored, 0 when it changed meanwhile (the caller reads again).
 */
const SWAP_SCRIPT = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;

const orUndefined = <T extends string>(value: string): T | undefined =>
  value === '' ? undefined : (value as T);

/**
 * Sessions (a hash), and per session: answers, headcount, waiting list, feedback. Answers, changes and
 * cancellations: scripts.
 */
export function createSessionsRepo(redis: RedisClient, keys: Keys): SessionStore & PersonalDataSource {
  const k = keys.sessions;
  const parse = (raw: string): Session => SessionSchema.parse(JSON.parse(raw)) as Session;
  const run = async (script: string, id: string, ...args: string[]) => {
    const names = [k.answers(id), k.counts(id), k.waiting(id), k.waitingOrder(id), k.version(id), k.all];
    const reply = (await redis.eval(script, names.length, ...names, id, ...args)) as (string | number)[];
    return reply.map(String);
  };
  const toChange = (result: string[]) => {
    const [previous, current, promoted, version, yes, maybe, no, waiting, session] = result;
    return {
      session: parse(session ?? ''),
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
    async cancel(id) {
      // Only the status and the sequence change, on the session as stored: an edit landing between the read and
      // the write makes the swap fail, and the cancellation is made again on the edited session.
      for (;;) {
        const raw = await redis.hget(k.all, id);
        if (raw === null) throw new Error(`no session ${id}`);
        const before = parse(raw);
        if (before.cancelled) return 'cancelled';
        const after: Session = { ...before, cancelled: true, sequence: before.sequence + 1 };
        if (Number(await redis.eval(SWAP_SCRIPT, 1, k.all, id, raw, JSON.stringify(after))) === 1)
          return { before, after };
      }
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
    async answer(id, email, answer) {
      const result = await run(ANSWER_SCRIPT, id, email, answer ?? '');
      return result.length === 1 ? 'cancelled' : toChange(result);
    },
    async change(session) {
      const result = await run(CHANGE_SCRIPT, session.id, JSON.stringify(session));
      if (result[0] === 'cancelled') return 'cancelled';
      if (result.length === 1) return { refused: Number(result[0]) };
      return toChange(result);
    },
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
        await repo.answer(session.id, email, undefined);
        await redis.hdel(k.feedback(session.id), email);
      }
    },
  };
  return repo;
}
