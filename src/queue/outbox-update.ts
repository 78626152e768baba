import { randomUUID } from 'node:crypto';
import { type Job, UnrecoverableError } from 'bullmq';
import { DeliveryUpdateSchema } from '../core/delivery-schema.js';
import type { OutboxWorkerOptions } from './outbox.js';
import { awaitSlot, delayFor, type Pace, settleFailure, waitForDependency } from './outbox-pace.js';

// Claims the key for one version: 0 when a version as new or newer was applied, -1 when another update holds it.
const CLAIM = `
local applied = tonumber(redis.call('GET', KEYS[1]) or '-1')
if applied >= tonumber(ARGV[1]) then return 0 end
if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return 1 end
return -1`;
// Records the version applied (never lowering it) and frees the key if this update still holds it.
const COMMIT = `
if ARGV[1] ~= '' then
  local applied = tonumber(redis.call('GET', KEYS[1]) or '-1')
  if tonumber(ARGV[1]) > applied then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) end
end
if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
return 1`;

/**
 * The outbox's update job: replaces the content of a delivered message, in version order. One update of a key
 * runs at a time (a Redis lock), and the applied version is compared and stored atomically, so an older version
 * is never applied after a newer one; an update of a key not yet delivered waits for its delivery.
 */
export function createUpdateProcessor(options: OutboxWorkerOptions, ttlSeconds: number) {
  const { redis, keys, sender } = options;

  return async function update(job: Job, token?: string) {
    const change = DeliveryUpdateSchema.parse(job.data);
    const first = await redis.get(keys.delivered(change.key));
    if (first === null) return waitForDependency(job, token, options.parentWaitMs ?? 5000, 'not_delivered');
    if (first.startsWith('file:')) throw new UnrecoverableError('cannot_update_file');
    const versionKey = keys.updatedVersion(change.key);
    // Superseded already: no need to wait for a slot.
    const alreadyApplied = await redis.get(versionKey);
    if (alreadyApplied !== null && Number(alreadyApplied) >= change.version)
      return { applied: false, superseded: true };
    // chat.update has no per-channel limit, only its workspace tier.
    const pace: Pace = {
      workspace: {
        key: keys.paceWorkspace(sender.platform, 'update'),
        intervalMs: Math.ceil(60_000 / options.updatesPerMinute),
      },
    };
    const lockKey = keys.updateLock(change.key);
    const holder = randomUUID();
    let applied = '';
    let claimed = false;
    try {
      const conversation = await sender.conversation(change.to);
      await awaitSlot(redis, pace, job, token);
      // Claimed only now, so the lock spans the platform call alone: a killed worker frees it within WORKER_LOCK_MS.
      const claim = await redis.eval(
        CLAIM,
        2,
        versionKey,
        lockKey,
        change.version,
        holder,
        options.lockMs ?? 30_000,
      );
      if (claim === 0) return { applied: false, superseded: true };
      if (claim === -1) return await delayFor(job, token, 200);
      claimed = true;
      const partsKey = keys.deliveredParts(change.key);
      const ids = Object.entries(await redis.hgetall(partsKey))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, id]) => id);
      const kept = await sender.update(conversation, ids.length > 0 ? ids : [first], change.message);
      // Parts deleted because the new content is shorter are no longer part of the message.
      const gone = ids.slice(kept).map((_, i) => String(kept + i));
      if (gone.length > 0) await redis.hdel(partsKey, ...gone);
      applied = String(change.version);
      return { applied: true, superseded: false };
    } catch (error) {
      return await settleFailure(error, redis, pace, job, token);
    } finally {
      if (claimed) await redis.eval(COMMIT, 2, versionKey, lockKey, applied, holder, ttlSeconds);
    }
  };
}
