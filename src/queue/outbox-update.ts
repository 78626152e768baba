import { randomUUID } from 'node:crypto';
import { type Job, UnrecoverableError } from 'bullmq';
import { systemClock } from '../core/clock.js';
import { DeliveryUpdateSchema } from '../core/delivery-schema.js';
import type { DeliveryUpdate, Target } from '../core/ports.js';
import type { Keys } from '../store/keys.js';
import { type RedisClient, scanKeys } from '../store/redis.js';
import type { OutboxWorkerOptions } from './outbox.js';
import {
  awaitSlot,
  delayFor,
  keptSeconds,
  type Pace,
  settleFailure,
  waitForDependency,
} from './outbox-pace.js';
import { jobIdOf, type Queues } from './queues.js';

/** How long the newest content of a message waits for its update job (longer than its wait for the delivery). */
const LATEST_TTL_SECONDS = 2 * 3600;
/**
 * How long a pending update job gathers newer versions. A job that waits longer (its message not delivered yet, a
 * 429, or its worker killed, which holds it until the lock lapses) lets the next version enqueue a job of its own:
 * an announcement's status message, edited every 3 s, never waits on one worker staying alive. A burst of versions
 * within this span still makes one job, and extra jobs cost no platform call (each applies the newest or nothing).
 */
const PENDING_MS = 2_000;

// Keeps the newest content of a message (KEYS[1]) and answers the id of the update job that must exist: a new one
// (ARGV[5]) when no update job is pending (KEYS[2]), else the pending one (which will read this content), nothing
// when the version is older than the newest already asked for. The pending marker names one job, not a version: a
// version asked for again after its job ran (a progress round re-run after a crash) gets a job that runs, where the
// version's id would name a finished job, and the newer versions that waited on it would never be applied. Adding
// the pending job again is a no-op by its id, and brings it back when its producer died between the marker and the
// job (else the message would freeze until the marker expires).
const ENQUEUE = `
local latest = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
if tonumber(ARGV[1]) < latest then return false end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'update', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
if redis.call('SET', KEYS[2], ARGV[5], 'NX', 'PX', ARGV[4]) then return ARGV[5] end
return redis.call('GET', KEYS[2])`;
// Claims the key for the newest version asked for (the job's own or a newer one in KEYS[3]) and reads it: {0} when
// a version as new was applied (the newest content, applied already, is dropped, and so is the pending marker: no job
// is needed), {2} when only looking (no lock duration) and it was not, {-1} when another update holds the key,
// {1, version, newer content or nothing}.
// Whatever is asked for after this claim finds no pending job (KEYS[4] deleted) and enqueues one of its own, which
// runs after this one frees the key: a newer version is never left behind a running update.
const CLAIM = `
local target = tonumber(ARGV[1])
local latest = tonumber(redis.call('HGET', KEYS[3], 'version') or '-1')
local content = false
if latest > target then
  target = latest
  content = redis.call('HGET', KEYS[3], 'update')
end
if tonumber(redis.call('GET', KEYS[1]) or '-1') >= target then
  redis.call('DEL', KEYS[3], KEYS[4])
  return {0}
end
if ARGV[3] == '' then return {2} end
if not redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return {-1} end
redis.call('DEL', KEYS[4])
return {1, target, content}`;
// Records the version applied (never lowering it), drops the newest content once it is applied (it is a person's
// message), and frees the key if this update still holds it.
const COMMIT = `
if ARGV[1] ~= '' then
  local applied = tonumber(redis.call('GET', KEYS[1]) or '-1')
  if tonumber(ARGV[1]) > applied then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) end
  if tonumber(redis.call('HGET', KEYS[3], 'version') or '-1') <= tonumber(ARGV[1]) then redis.call('DEL', KEYS[3]) end
end
if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
return 1`;

/** Whether a message goes to this person: to her alone or to a group she is in. */
export const addressedTo = (to: Target, email: string): boolean =>
  to.kind === 'person' ? to.email === email : to.kind === 'group' && to.emails.includes(email);

/**
 * Drops the newest content waiting for an update (kept up to 2 h) of every message addressed
 * to this person or naming her address: her words must not outlive her erasure. Its update job, if any, is
 * withdrawn by the caller; one that runs anyway sends its own version.
 */
export async function eraseLatestOf(redis: RedisClient, keys: Keys, email: string): Promise<void> {
  for await (const names of scanKeys(redis, keys.updateLatestAll())) {
    for (const name of names) {
      const content = await redis.hget(name, 'update');
      if (content === null) continue;
      const parsed = DeliveryUpdateSchema.safeParse(JSON.parse(content));
      if (content.includes(email) || (parsed.success && addressedTo(parsed.data.to, email)))
        await redis.del(name);
    }
  }
}

/**
 * Asks for a message's content to be replaced. Updates of one message coalesce: while one update job has yet to run,
 * newer versions only replace the content it will send (a burst of changes costs a handful of platform calls, and
 * the message shows the newest state as soon as the pace allows); a retried enqueue finds the pending job and adds
 * nothing.
 */
export async function enqueueUpdate(queues: Queues, redis: RedisClient, keys: Keys, update: DeliveryUpdate) {
  const needed = await redis.eval(
    ENQUEUE,
    2,
    keys.updateLatest(update.key),
    keys.updatePending(update.key),
    update.version,
    JSON.stringify(update),
    LATEST_TTL_SECONDS,
    PENDING_MS,
    randomUUID(),
  );
  if (typeof needed === 'string')
    await queues.outbox.add('update', update, { jobId: jobIdOf(`update:${update.key}:${needed}`) });
}

/**
 * Keeps a delivered message's marker and parts until `asked` at least (never shortening them: a session moved later
 * keeps its announcement longer), and answers until when they are kept, on the bot's clock (at `now` on it).
 */
async function keepDelivered(
  redis: RedisClient,
  doneKey: string,
  partsKey: string,
  asked: Date | undefined,
  now: number,
): Promise<Date | undefined> {
  if (asked) {
    const ttl = keptSeconds(asked, now);
    await redis.multi().expire(doneKey, ttl, 'GT').expire(partsKey, ttl, 'GT').exec();
  }
  const left = await redis.pttl(doneKey);
  return left > 0 ? new Date(now + left) : undefined;
}

/**
 * The outbox's update job: replaces the content of a delivered message with the newest version asked for. One update of a key
 * runs at a time (a Redis lock), and the applied version is compared and stored atomically, so an older version
 * is never applied after a newer one; an update of a key not yet delivered waits for its delivery. The applied
 * version is kept as long as the message is (see {@link keptSeconds}), and the adapter is told until when.
 */
export function createUpdateProcessor(options: OutboxWorkerOptions) {
  const { redis, keys, sender } = options;
  const botNow = () => (options.clock ?? systemClock).now().getTime();

  return async function update(job: Job, token?: string) {
    const change = DeliveryUpdateSchema.parse(job.data);
    const doneKey = keys.delivered(change.key);
    const first = await redis.get(doneKey);
    if (first === null) return waitForDependency(job, token, options.parentWaitMs ?? 5000, 'not_delivered');
    if (first.startsWith('file:')) throw new UnrecoverableError('cannot_update_file');
    const [versionKey, lockKey, latestKey] = [
      keys.updatedVersion(change.key),
      keys.updateLock(change.key),
      keys.updateLatest(change.key),
    ];
    const holder = randomUUID();
    // Atomic with the marker: a superseded job that left it would hold back the versions asked for after it.
    const claimKey = (lockMs: number | '') =>
      redis.eval(
        CLAIM,
        4,
        versionKey,
        lockKey,
        latestKey,
        keys.updatePending(change.key),
        change.version,
        holder,
        lockMs,
      ) as Promise<[number, number?, string?]>;
    // Superseded already: no need to wait for a slot.
    if ((await claimKey(''))[0] === 0) return { applied: false, superseded: true };
    // chat.update has no per-channel limit, only its workspace tier.
    const pace: Pace = {
      workspace: {
        key: keys.paceWorkspace(sender.platform, 'update'),
        intervalMs: Math.ceil(60_000 / options.updatesPerMinute),
      },
    };
    let applied = '';
    let claimed = false;
    let keepUntil: Date | undefined;
    try {
      const conversation = await sender.conversation(change.to);
      await awaitSlot(redis, pace, job, token);
      // Claimed only now, so the lock spans the platform call alone: a killed worker frees it within WORKER_LOCK_MS.
      const [claim, version, newer] = await claimKey(options.lockMs ?? 30_000);
      if (claim === 0) return { applied: false, superseded: true };
      if (claim === -1) return await delayFor(job, token, 200);
      claimed = true;
      const applying = newer ? DeliveryUpdateSchema.parse(JSON.parse(newer)) : change;
      const partsKey = keys.deliveredParts(change.key);
      keepUntil = await keepDelivered(redis, doneKey, partsKey, applying.keepUntil, botNow());
      const ids = Object.entries(await redis.hgetall(partsKey))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, id]) => id);
      const kept = await sender.update(
        conversation,
        ids.length > 0 ? ids : [first],
        applying.message,
        keepUntil ? { keepUntil } : {},
      );
      // Parts deleted because the new content is shorter are no longer part of the message.
      const gone = ids.slice(kept).map((_, i) => String(kept + i));
      if (gone.length > 0) await redis.hdel(partsKey, ...gone);
      applied = String(version);
      return { applied: true, superseded: false };
    } catch (error) {
      return await settleFailure(error, redis, pace, job, token);
    } finally {
      if (claimed)
        await redis.eval(
          COMMIT,
          3,
          versionKey,
          lockKey,
          latestKey,
          applied,
          holder,
          keptSeconds(keepUntil, botNow()),
        );
    }
  };
}
