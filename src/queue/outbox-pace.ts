import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { DeliveryRefusedError, RateLimitedError } from '../core/errors.js';
import { DELIVERY_KEPT_MS, keptMs } from '../core/ports.js';
import type { RedisClient } from '../store/redis.js';

/** Delivered markers outlive the BullMQ job by far: a late duplicate enqueue is still recognised. */
export const DELIVERED_TTL_SECONDS = DELIVERY_KEPT_MS / 1000;

/**
 * How long the outbox keeps what it knows of a delivery (its marker, parts, intent, applied version), in seconds:
 * {@link keptMs} (30 days, or until `keepUntil` when later: a session's announcement). `now` is on the bot's clock.
 */
export const keptSeconds = (keepUntil: Date | undefined, now: number): number =>
  Math.ceil(keptMs(keepUntil, new Date(now)) / 1000);
/** How long a thread reply or an update waits for the message it depends on before giving up. */
const PARENT_WAIT_LIMIT_MS = 3600_000;
/**
 * How long a job may wait in the worker for its conversation to be free; longer sends it back to the delayed set.
 * Waits for the workspace are always spent in the worker: at most the worker's concurrency times its interval.
 */
const MAX_IN_WORKER_WAIT_MS = 3000;

/** Puts the job back in the delayed set for `ms` without spending an attempt. */
export async function delayFor(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

/** Waits for the job's dependency (a parent, a delivery to update), then gives up after an hour. */
export function waitForDependency(job: Job, token: string | undefined, ms: number, reason: string) {
  // The dependency may never come (refused for good, out of attempts): stop waiting after a while.
  if (Date.now() - job.timestamp > PARENT_WAIT_LIMIT_MS) throw new UnrecoverableError(reason);
  return delayFor(job, token, ms);
}

// Books the next call's slot on Redis' clock. A conversation whose next slot (its last call + its interval) is
// more than ARGV[3] away turns the job back: {0, wait}, wake times one interval apart (KEYS[3]) so those jobs never
// wake as a herd. Otherwise the slot is the earliest time from then on at least a workspace interval away from every
// slot already booked (KEYS[2], a sorted set): gaps left by a busy conversation are filled by the others, so one
// channel's burst never holds the rest of the workspace back. Returns {1, wait}; the job waits in the worker. A slot
// further than ARGV[4] is not booked: {2, wait}, the job looks again then (fan-out copies book at most half a
// second ahead, so an ordinary message never finds the workspace booked further than that).
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local channelMs, workspaceMs, maxWait = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local channelReady = channelMs > 0 and (tonumber(redis.call('GET', KEYS[1]) or '0') + channelMs) or 0
if channelReady - now > maxWait then
  local wake = math.max(channelReady, tonumber(redis.call('GET', KEYS[3]) or '0') + channelMs)
  redis.call('SET', KEYS[3], wake, 'PX', wake - now + channelMs)
  return {0, wake - now}
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - workspaceMs)
local slot = math.max(now, channelReady)
local booked = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. (slot - workspaceMs), '+inf', 'WITHSCORES')
for i = 2, #booked, 2 do
  local at = tonumber(booked[i])
  if at >= slot + workspaceMs then break end
  slot = math.max(slot, at + workspaceMs)
end
if slot - now > tonumber(ARGV[4]) then return {2, slot - now - tonumber(ARGV[4])} end
redis.call('ZADD', KEYS[2], slot, slot)
redis.call('PEXPIRE', KEYS[2], slot - now + workspaceMs + 1000)
if channelMs > 0 then redis.call('SET', KEYS[1], slot, 'PX', slot - now + channelMs + 1000) end
return {1, slot - now}`;

// After a 429, the next call comes after Retry-After (KEYS[1] holds the last call's time, ARGV[2] the interval):
// the last call is moved so that last + interval lands there, never earlier than it already was.
const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = now + tonumber(ARGV[1]) - tonumber(ARGV[2])
if held <= tonumber(redis.call('GET', KEYS[1]) or '0') then return end
redis.call('SET', KEYS[1], held, 'PX', tonumber(ARGV[1]) + 1000)`;

/** Holds the calls paced by `key` (its last call's time) for `ms` from now, whatever process makes them. */
async function holdCalls(redis: RedisClient, key: string, ms: number, intervalMs: number): Promise<void> {
  await redis.eval(HOLD, 1, key, ms, intervalMs);
}

/** The pacing buckets of one kind of call (posts, updates): per conversation, and for the whole workspace. */
export interface Pace {
  /** Last booked call per conversation (absent: no per-conversation limit). */
  conversation?: { key: string; wakeKey: string; intervalMs: number };
  /** `horizonMs`: how far ahead a slot may be booked (default: any distance). */
  workspace: { key: string; intervalMs: number; horizonMs?: number };
}

/** How far ahead a fan-out copy may book its workspace slot. */
export const BULK_HORIZON_MS = 500;

/**
 * Books the next slot of `pace` and returns how long to wait for it in the worker (the job keeps its place); when
 * the conversation is busy for longer, puts the job back in the delayed set instead (throws DelayedError). Calls
 * paced through here are spaced at least the intervals apart, whatever the number of workers, and waiting jobs
 * spend no BullMQ limiter token.
 */
export async function bookSlot(
  redis: RedisClient,
  pace: Pace,
  job: Job,
  token: string | undefined,
): Promise<number> {
  for (;;) {
    const [booked, wait] = await reserve(redis, pace);
    if (booked === 0) await delayFor(job, token, Math.max(wait, 20));
    if (booked === 1) return wait;
    await sleep(Math.max(wait, 10));
  }
}

/** Runs {@link RESERVE} for `pace`: `[0 | 1 | 2, wait]` as that script says. */
async function reserve(redis: RedisClient, pace: Pace): Promise<[number, number]> {
  const { conversation, workspace } = pace;
  return (await redis.eval(
    RESERVE,
    3,
    conversation?.key ?? `${workspace.key}:none`,
    workspace.key,
    conversation?.wakeKey ?? `${workspace.key}:none-wake`,
    conversation?.intervalMs ?? 0,
    workspace.intervalMs,
    MAX_IN_WORKER_WAIT_MS,
    workspace.horizonMs ?? Number.MAX_SAFE_INTEGER,
  )) as [number, number];
}

/**
 * Books the earliest free slot of a workspace pace with no conversation and no horizon (always booked: see
 * {@link RESERVE}), waits for it, then spaces the call from the last one made: calls take their turns in the order
 * they asked, whatever the process, and none starts closer than the interval to another.
 */
export async function awaitTurn(redis: RedisClient, workspace: Pace['workspace']): Promise<void> {
  const [, wait] = await reserve(redis, { workspace });
  await spacedAfter(redis, { workspace }, wait);
}

/** Waits `wait` ms for a booked slot, then {@link spaceCall}. */
async function spacedAfter(redis: RedisClient, pace: Pace, wait: number): Promise<void> {
  if (wait > 0) await sleep(wait);
  await spaceCall(redis, pace);
}

// The last call actually made across the workspace: when the event loop was held up, timers of several booked slots
// fire together; the later ones wait here, so calls leave at least an interval apart even then.
const SPACE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gap = tonumber(ARGV[1]) - (now - tonumber(redis.call('GET', KEYS[1]) or '0'))
if gap > 0 then return gap end
redis.call('SET', KEYS[1], now, 'PX', tonumber(ARGV[1]) + 1000)
return 0`;

/** The time of the last call actually made across a workspace pace (see {@link SPACE}). */
const lastCallKey = (workspace: Pace['workspace']): string => `${workspace.key}:last`;

/** Holds every call of a workspace pace for `ms` from now, whatever process makes them (a rate limit met). */
export async function holdTurns(redis: RedisClient, workspace: Pace['workspace'], ms: number): Promise<void> {
  await holdCalls(redis, lastCallKey(workspace), ms, workspace.intervalMs);
}

/**
 * Waits until the workspace's last call ({@link lastCallKey}) is at least its interval ago, and marks this one as
 * made now.
 */
export async function spaceCall(redis: RedisClient, pace: Pace): Promise<void> {
  for (;;) {
    const gap = Number(await redis.eval(SPACE, 1, lastCallKey(pace.workspace), pace.workspace.intervalMs));
    if (gap <= 0) return;
    await sleep(gap);
  }
}

/** Books the next slot of `pace` and waits for it (see {@link bookSlot}). */
export async function awaitSlot(
  redis: RedisClient,
  pace: Pace,
  job: Job,
  token: string | undefined,
): Promise<void> {
  await spacedAfter(redis, pace, await bookSlot(redis, pace, job, token));
}

/**
 * What a failed platform call becomes: a 429 holds the conversation for `Retry-After` and delays the job without
 * spending an attempt; a refusal fails the job for good; anything else is retried with back-off.
 */
export async function settleFailure(
  error: unknown,
  redis: RedisClient,
  pace: Pace | undefined,
  job: Job,
  token: string | undefined,
): Promise<never> {
  if (error instanceof DelayedError || error instanceof UnrecoverableError) throw error;
  if (error instanceof RateLimitedError) {
    const held = pace?.conversation;
    if (held) await holdCalls(redis, held.key, error.retryAfterMs, held.intervalMs);
    return delayFor(job, token, error.retryAfterMs);
  }
  if (error instanceof DeliveryRefusedError) throw new UnrecoverableError(error.reason);
  throw error;
}
