import { setTimeout as sleep } from 'node:timers/promises';
import type { ConnectionOptions, Job } from 'bullmq';
import { DelayedError, UnrecoverableError, Worker } from 'bullmq';
import { type Clock, systemClock } from '../core/clock.js';
import { DeliverySchema, DeliveryUpdateSchema } from '../core/delivery-schema.js';
import { DeliveryRefusedError, RateLimitedError } from '../core/errors.js';
import { type ChatSender, type Delivery, type Logger, type Outbox, UNCONFIRMED } from '../core/ports.js';
import { digest, type Keys } from '../store/keys.js';
import type { PersonalDataSource } from '../store/personal-data.js';
import type { RedisClient } from '../store/redis.js';
import type { ReplicatedWrites } from '../store/replicated-writes.js';
import {
  BULK_HORIZON_MS,
  bookSlot,
  DELIVERED_TTL_SECONDS,
  delayFor,
  keptSeconds,
  type Pace,
  settleFailure,
  spaceCall,
  waitForDependency,
} from './outbox-pace.js';
import { isScrubbed, scrub, scrubCompleted } from './outbox-scrub.js';
import { addressedTo, createUpdateProcessor, enqueueUpdate, eraseLatestOf } from './outbox-update.js';
import { jobIdOf, lockKeyOf, MAX_STALLED_COUNT, QUEUE_NAMES, type Queues, workerLocking } from './queues.js';

/** Why a job stops when its delivery was withdrawn while it waited for its slot. */
const CANCELLED = 'cancelled';
/** Priority of fan-out deliveries: BullMQ takes jobs without a priority first. */
const BULK_PRIORITY = 10;

/** Pacing and identity of the outbox worker. */
export interface OutboxWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  redis: RedisClient;
  /**
   * Where each intent is noted: behind sentinels or on a cluster, a write the replica has before the platform is
   * called.
   */
  intents: ReplicatedWrites;
  keys: Keys;
  sender: ChatSender;
  log: Logger;
  /** Minimum time between two posts in one conversation (Slack: about 1 per second per channel). */
  channelIntervalMs: number;
  /** Posts per second across the workspace. */
  workspacePerSecond: number;
  /** The bot's clock, on which a delivery's `keepUntil` is a date (the system's by default). */
  clock?: Clock;
  /** Edits (chat.update, Slack's Tier 3: 50+ per minute) per minute across the workspace. */
  updatesPerMinute: number;
  /** How long a thread reply or an update waits before looking again for what it depends on (default 5 s). */
  parentWaitMs?: number;
  /** BullMQ lock of a running delivery: a killed worker's deliveries run again once it lapses (see {@link workerLocking}). */
  lockMs?: number;
  /**
   * How long after its planned time a post may still be on its way (longer than a platform call): an earlier run's
   * intent younger than this may still be posting, so it is waited for before being looked for.
   */
  inFlightMs: number;
  /** Deliveries in progress at once; by default a second and a half of the workspace's pace. */
  concurrency?: number;
}

/** Posts are booked 10% under the caps: network jitter never pushes a burst over them. */
const HEADROOM = 1.1;

/** A delivery's status from the outbox's own Redis markers. */
const statusOf = (delivered: string | null, failed: string | null) => {
  if (delivered !== null) return { state: 'sent' as const, messageId: delivered };
  if (failed !== null) return { state: 'failed' as const, reason: failed };
  return { state: 'pending' as const };
};

/** The outbox job of a delivery: under the id of its key, and behind ordinary messages when it is part of a fan-out. */
const deliveryJob = ({ bulk, ...data }: Delivery) => ({
  name: 'deliver',
  data,
  opts: { jobId: jobIdOf(data.key), ...(bulk ? { priority: BULK_PRIORITY } : {}) },
});

/**
 * Enqueues deliveries and updates; the deterministic job id makes a second `send` of the same key a no-op, and
 * updates of one message coalesce (see {@link enqueueUpdate}). `postsPerSecond` is the pace its worker keeps
 * across the workspace ({@link OutboxWorkerOptions.workspacePerSecond}), told to those who enqueue.
 */
export function createOutbox(queues: Queues, redis: RedisClient, keys: Keys, postsPerSecond: number): Outbox {
  return {
    postsPerSecond,
    async send(delivery) {
      const { name, data, opts } = deliveryJob(delivery);
      await queues.outbox.add(name, data, opts);
    },
    async sendMany(deliveries) {
      // One pipeline: each add is its own script, so an id already there is left as it is, as with `send`.
      if (deliveries.length > 0) await queues.outbox.addBulk(deliveries.map(deliveryJob));
    },
    update: (update) => enqueueUpdate(queues, redis, keys, update),
    async statuses(list) {
      if (list.length === 0) return [];
      const sent = await redis.mget(list.map((key) => keys.delivered(key)));
      const failed = await redis.mget(list.map((key) => keys.deliveryFailed(key)));
      return list.map((_, i) => statusOf(sent[i] ?? null, failed[i] ?? null));
    },
    async cancel(list) {
      if (list.length === 0) return 0;
      // Jobs already running (waiting for their slot) see the marker before they call the platform.
      const marking = redis.multi();
      for (const key of list) marking.set(keys.deliveryCancelled(key), '1', 'EX', DELIVERED_TTL_SECONDS);
      await marking.exec();
      let withdrawn = 0;
      for (const key of list) {
        const job = await queues.outbox.getJob(jobIdOf(key));
        // A running job is locked and cannot be removed: it finishes, the rest is withdrawn.
        if (
          job &&
          (await job.remove().then(
            () => true,
            () => false,
          ))
        )
          withdrawn += 1;
      }
      return withdrawn;
    },
  };
}

/**
 * The outbox worker: delivers each message once, paced per conversation and per workspace (booked slots in Redis,
 * see outbox-pace.ts), waits `Retry-After` on a 429 without spending an attempt, and survives a crash mid-send:
 * the part about to be posted is recorded first, and a part left ambiguous is looked for in the conversation
 * (by the delivery's tag in the message metadata) before it is posted again.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): Worker {
  const { redis, keys, sender, log } = options;
  const update = createUpdateProcessor(options);
  const botNow = () => (options.clock ?? systemClock).now().getTime();
  const postPace = (conversation: string, bulk: boolean): Pace => ({
    conversation: {
      key: keys.pace(sender.platform, conversation),
      wakeKey: keys.paceWake(sender.platform, conversation),
      intervalMs: Math.ceil(options.channelIntervalMs * HEADROOM),
    },
    workspace: {
      key: keys.paceWorkspace(sender.platform, 'post'),
      intervalMs: Math.ceil((1000 / options.workspacePerSecond) * HEADROOM),
      ...(bulk ? { horizonMs: BULK_HORIZON_MS } : {}),
    },
  });

  /**
   * Parts posted by an earlier attempt, including one it may have posted just before dying. An earlier run may also
   * still be alive (its lock lapsed under load and the job was handed out again): while its intent is younger than
   * `inFlightMs`, this run steps back and looks later, so the two never both post.
   */
  async function postedParts(
    job: Job,
    token: string | undefined,
    delivery: Delivery,
    conversation: string,
    threadId: string | undefined,
    ttl: number,
  ) {
    const partsKey = keys.deliveredParts(delivery.key);
    const parts = await redis.hgetall(partsKey);
    const intent = await redis.get(keys.deliveryIntent(delivery.key));
    const [index = '', at = '0'] = intent?.split(':') ?? [];
    if (intent !== null && parts[index] === undefined) {
      const settled = Number(at) + options.inFlightMs - Date.now();
      if (settled > 0) await delayFor(job, token, settled);
    }
    // Thread replies are not in the conversation's history: only top-level posts can be looked for.
    if (intent !== null && parts[index] === undefined && !delivery.file && !threadId) {
      const around = new Date(Number(at));
      for (const [part, id] of await sender.findPosted(conversation, digest(delivery.key), around)) {
        parts[String(part)] = id;
        await redis.multi().hset(partsKey, String(part), id).expire(partsKey, ttl).exec();
      }
    }
    return new Map(Object.entries(parts).map(([i, id]) => [Number(i), id]));
  }

  /**
   * Stops a run that no longer holds its job's lock, just before it calls the platform: its lock lapsed while it was
   * held up (a busy event loop, "could not renew lock") and the stalled checker handed the job out again, so a second
   * run may be going on beside it, which read the intent before this run wrote its own. The run holding the lock
   * posts; one that takes the job over after this check finds this run's intent (written before it) and waits for
   * it. A DelayedError: BullMQ leaves the job to the run that holds it (or, lock-less, to the stalled checker) and
   * counts no failure. The intent stays: it may already be the other run's.
   */
  async function stopIfTakenOver(job: Job, token: string | undefined) {
    if (token === undefined || (await redis.get(lockKeyOf(job))) === token) return;
    log.warn({ jobId: job.id }, 'outbox delivery left to the run that took it over');
    throw new DelayedError();
  }

  async function deliver(job: Job, token?: string) {
    const delivery = DeliverySchema.parse(job.data);
    const doneKey = keys.delivered(delivery.key);
    const done = await redis.get(doneKey);
    if (done !== null) return { messageId: done, duplicate: true };
    let pace: Pace | undefined;
    // While an earlier post is looked for, an error says nothing of that post: it stays ambiguous.
    let lookingUp = false;
    const intentKey = keys.deliveryIntent(delivery.key);
    // Everything kept of the delivery lives as long as the message may be updated.
    const ttl = keptSeconds(delivery.keepUntil, botNow());
    try {
      const conversation = await sender.conversation(delivery.to);
      // A thread reply waits for its parent: the parent's platform id is its delivered marker.
      const threadId = delivery.replyTo ? await redis.get(keys.delivered(delivery.replyTo)) : undefined;
      if (threadId === null) {
        return await waitForDependency(job, token, options.parentWaitMs ?? 5000, 'parent_not_delivered');
      }
      pace = postPace(conversation, job.opts.priority === BULK_PRIORITY);
      const paced = pace;
      const partsKey = keys.deliveredParts(delivery.key);
      lookingUp = true;
      const posted = await postedParts(job, token, delivery, conversation, threadId, ttl);
      lookingUp = false;
      const messageId = await sender.post(conversation, delivery.message, {
        ...(delivery.file ? { file: delivery.file } : {}),
        ...(threadId ? { threadId } : {}),
        tag: digest(delivery.key),
        ...(delivery.keepUntil ? { keepUntil: delivery.keepUntil } : {}),
        posted,
        beforePart: async (index) => {
          const wait = await bookSlot(redis, paced, job, token);
          const slot = Date.now() + wait;
          // Recorded (and on the replica) while waiting for the slot: nothing stands between the slot and the call.
          await options.intents.set(intentKey, `${index}:${slot}`, ttl);
          if (slot > Date.now()) await sleep(slot - Date.now());
          if (await redis.exists(keys.deliveryCancelled(delivery.key)))
            throw new UnrecoverableError(CANCELLED);
          await spaceCall(redis, paced);
          await stopIfTakenOver(job, token);
        },
        onPart: (index, id) => redis.multi().hset(partsKey, String(index), id).expire(partsKey, ttl).exec(),
      });
      // The message is out: a failed marker write must not send it again (the completed job still dedupes).
      await redis
        .multi()
        .set(doneKey, messageId, 'EX', ttl)
        .del(intentKey)
        .exec()
        .catch((err: unknown) => log.warn({ err, jobId: job.id }, 'delivered marker not written'));
      return { messageId, duplicate: false };
    } catch (error) {
      // Slack answered the post (429, a refusal): nothing was posted, so nothing is ambiguous.
      if (!lookingUp && (error instanceof RateLimitedError || error instanceof DeliveryRefusedError))
        await redis.del(intentKey);
      return settleFailure(error, redis, pace, job, token);
    }
  }

  const processJob = async (job: Job, token?: string) => {
    // Finished and scrubbed, then run again after a crash: it was done.
    if (isScrubbed(job.data)) return { duplicate: true };
    const result = await (job.name === 'update' ? update(job, token) : deliver(job, token));
    // Done: only what deduplication needs stays (see outbox-scrub.ts).
    await scrub(job);
    return result;
  };
  const worker = new Worker(QUEUE_NAMES.outbox, processJob, {
    connection: options.connection,
    prefix: options.prefix,
    // Jobs wait for their booked slot in the worker: a second and a half of posts keeps the pace.
    concurrency:
      options.concurrency ?? Math.min(Math.max(Math.ceil(options.workspacePerSecond * 1.5), 8), 64),
    maxStalledCount: MAX_STALLED_COUNT,
    ...(options.lockMs ? workerLocking(options.lockMs) : {}),
  });
  worker.on('failed', (job, err) => {
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, reason: err.message }, 'outbox delivery failed');
    const finished =
      job && (err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1));
    // A withdrawn delivery did not fail: it stays pending, never sent.
    if (job?.name === 'deliver' && finished && err.message !== CANCELLED) {
      const failed = DeliverySchema.safeParse(job.data).data;
      const key = failed?.key;
      // An intent still there is a post the platform never answered, and no lookup found: it may be out.
      if (key)
        void redis
          .get(keys.deliveryIntent(key))
          .then((intent) =>
            redis.set(
              keys.deliveryFailed(key),
              intent === null ? err.message : `${UNCONFIRMED}${err.message}`,
              'EX',
              keptSeconds(failed?.keepUntil, botNow()),
            ),
          )
          .catch(() => {});
    }
    // A job that will not run again keeps no address and no text for its 30 days either.
    if (job && finished) void scrub(job).catch(() => {});
  });
  return worker;
}

/**
 * The outbox as a store of personal data: messages not yet delivered to a person. Exported as a count, erased with
 * the rest; finished jobs keep only a digest (see outbox-scrub.ts), and an erasure scrubs any left from before.
 */
export function createOutboxPersonalData(queues: Queues, redis: RedisClient, keys: Keys): PersonalDataSource {
  const toPerson = async (email: string) => {
    const jobs = await queues.outbox.getJobs(['waiting', 'delayed', 'failed', 'prioritized', 'paused']);
    return jobs.filter((job) => {
      const parsed = (job.name === 'update' ? DeliveryUpdateSchema : DeliverySchema).safeParse(job.data);
      return parsed.success && addressedTo(parsed.data.to, email);
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
      await eraseLatestOf(redis, keys, email);
      await scrubCompleted(queues.outbox);
    },
  };
}
