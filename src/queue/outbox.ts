import { DelayedError, type Job, type RedisOptions, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeliverySchema } from '../core/delivery-schema.js';
import { DeliveryRefusedError, RateLimitedError } from '../core/errors.js';
import type { ChatSender, Logger, Outbox } from '../core/ports.js';
import type { Keys } from '../store/keys.js';
import type { PersonalDataSource } from '../store/personal-data.js';
import { jobIdOf, QUEUE_NAMES, type Queues } from './queues.js';

/** Delivered markers outlive the BullMQ job by far: a late duplicate enqueue is still recognised. */
const DELIVERED_TTL_SECONDS = 30 * 24 * 3600;
/** How long a thread reply waits for its parent before giving up. */
const PARENT_WAIT_LIMIT_MS = 3600_000;

/** Enqueues deliveries; the deterministic job id makes a second `send` of the same key a no-op. */
export function createOutbox(queues: Queues): Outbox {
  return {
    async send(delivery) {
      await queues.outbox.add('deliver', delivery, { jobId: jobIdOf(delivery.key) });
    },
  };
}

/** Pacing and identity of the outbox worker. */
export interface OutboxWorkerOptions {
  connection: RedisOptions;
  prefix: string;
  redis: Redis;
  keys: Keys;
  sender: ChatSender;
  log: Logger;
  /** Minimum time between two posts in one conversation (Slack: about 1 per second per channel). */
  channelIntervalMs: number;
  /** Posts per second across the workspace. */
  workspacePerSecond: number;
  /** How long a thread reply waits before looking again for its parent (default 5 s). */
  parentWaitMs?: number;
}

/**
 * The outbox worker: delivers each message once, paced per conversation (own Redis bucket, since BullMQ's limiter
 * is per queue) and per workspace (BullMQ's limiter), and waits `Retry-After` on a 429 without spending an attempt.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): Worker {
  const { redis, keys, sender, log } = options;

  async function delayFor(job: Job, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  async function deliver(job: Job, token?: string) {
    const delivery = DeliverySchema.parse(job.data);
    const doneKey = keys.delivered(delivery.key);
    const done = await redis.get(doneKey);
    if (done !== null) return { messageId: done, duplicate: true };
    let pace: string | undefined;
    try {
      const conversation = await sender.conversation(delivery.to);
      // A thread reply waits for its parent: the parent's platform id is its delivered marker.
      const threadId = delivery.replyTo ? await redis.get(keys.delivered(delivery.replyTo)) : undefined;
      if (threadId === null) {
        // The parent may never come (refused for good, out of attempts): stop waiting after a while.
        if (Date.now() - job.timestamp > PARENT_WAIT_LIMIT_MS)
          throw new UnrecoverableError('parent_not_delivered');
        return await delayFor(job, token, options.parentWaitMs ?? 5000);
      }
      pace = keys.pace(sender.platform, conversation);
      if (
        options.channelIntervalMs > 0 &&
        (await redis.set(pace, '1', 'PX', options.channelIntervalMs, 'NX')) === null
      ) {
        return await delayFor(job, token, Math.max(await redis.pttl(pace), 20));
      }
      // A long message goes out in parts: those an earlier attempt posted are not posted again.
      const partsKey = keys.deliveredParts(delivery.key);
      const parts = await redis.hgetall(partsKey);
      const messageId = await sender.post(conversation, delivery.message, {
        ...(delivery.file ? { file: delivery.file } : {}),
        ...(threadId ? { threadId } : {}),
        posted: new Map(Object.entries(parts).map(([i, id]) => [Number(i), id])),
        onPart: (index, id) =>
          redis.multi().hset(partsKey, String(index), id).expire(partsKey, DELIVERED_TTL_SECONDS).exec(),
      });
      // The message is out: a failed marker write must not send it again (the completed job still dedupes).
      await redis
        .set(doneKey, messageId, 'EX', DELIVERED_TTL_SECONDS)
        .catch((err: unknown) => log.warn({ err, jobId: job.id }, 'delivered marker not written'));
      return { messageId, duplicate: false };
    } catch (error) {
      if (error instanceof DelayedError || error instanceof UnrecoverableError) throw error;
      if (error instanceof RateLimitedError) {
        if (pace) await redis.set(pace, '1', 'PX', error.retryAfterMs);
        return delayFor(job, token, error.retryAfterMs);
      }
      if (error instanceof DeliveryRefusedError) throw new UnrecoverableError(error.reason);
      throw error;
    }
  }

  const worker = new Worker(QUEUE_NAMES.outbox, deliver, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: 8,
    limiter: { max: options.workspacePerSecond, duration: 1000 },
  });
  worker.on('failed', (job, err) =>
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, reason: err.message }, 'outbox delivery failed'),
  );
  return worker;
}

/**
 * The outbox as a store of personal data: messages not yet delivered, or failed, to a person. Exported as a count
 * per state, erased with the rest (delivered messages are already gone from Redis).
 */
export function createOutboxPersonalData(queues: Queues): PersonalDataSource {
  const toPerson = async (email: string) => {
    const jobs = await queues.outbox.getJobs(['waiting', 'delayed', 'failed', 'prioritized', 'paused']);
    return jobs.filter((job) => {
      const parsed = DeliverySchema.safeParse(job.data);
      return parsed.success && parsed.data.to.kind === 'person' && parsed.data.to.email === email;
    });
  };
  return {
    name: 'outbox',
    async export(email) {
      const jobs = await toPerson(email);
      return { undelivered: jobs.length };
    },
    async erase(email) {
      for (const job of await toPerson(email)) await job.remove().catch(() => undefined);
    },
  };
}
