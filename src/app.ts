import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { actionHandlers, commandHandlers, formHandlers } from '../handlers/index.js';
import { jobDefinitions } from '../jobs/index.js';
import { calendarFeedUrl, calendarRoute } from './calendar-route.js';
import { createChatAdapter } from './chat/index.js';
import { communityChannels, communityPeople, type LoadedCommunity } from './community.js';
import { type Config, keyPrefix, redisTarget, webSessionSecret } from './config.js';
import { type Clock, movableClock, systemClock } from './core/clock.js';
import { UnavailableError } from './core/errors.js';
import type { Services } from './core/ports.js';
import { chatRitualRuns } from './core/ritual/catalog.js';
import { channelsOf } from './core/roster/channels.js';
import { createRoster } from './core/roster/roster.js';
import { createRouter } from './core/router.js';
import { createHttpServer, sendJson } from './http.js';
import type { Log } from './log.js';
import { createQueueMonitor } from './queue/health.js';
import { createJobControl, createJobsWorker, createSchedules, upsertSchedulers } from './queue/jobs.js';
import { createOutbox, createOutboxPersonalData, createOutboxWorker } from './queue/outbox.js';
import { createQueues } from './queue/queues.js';
import { createSharedPacer } from './queue/shared-pacer.js';
import { createShellTime } from './queue/shell-time.js';
import { createStores } from './store/index.js';
import { combinePersonalData } from './store/personal-data.js';
import { createBullConnections, createCommandRedis, isRedisUnavailable, whenReady } from './store/redis.js';
import { createReplicatedWrites, type ReplicatedWrites } from './store/replicated-writes.js';
import { createPageLinks } from './web/link.js';
import { PAGES } from './web/pages/index.js';
import { createWebRoutes } from './web/routes.js';

/** What the composition needs beyond the configuration; tests pass their own clock and shell streams. */
export interface CohorteOptions {
  config: Config;
  community: LoadedCommunity;
  log: Log;
  clock?: Clock;
  shell?: { input: Readable; output: Writable; as?: string };
  /** How long an outbox intent waits for a Redis replica (REPLICA_ACK_MS; tests that hold a replica lengthen it). */
  replicaAckMs?: number;
}

/** Calls `close` but gives up after `ms`: `worker.close()` can hang while Redis is unreachable. */
const bounded = (work: Promise<unknown>, ms: number) =>
  Promise.race([work, sleep(ms, undefined, { ref: false })]);

/** Logs a dependency's errors once per outage, not once per reconnection attempt. */
function outageLogger(log: Log, what: string) {
  let down = false;
  return {
    error: (err: Error) => {
      if (!down) log.warn({ err: err.message }, `${what} unreachable; retrying`);
      down = true;
    },
    ready: () => {
      if (down) log.info(`${what} back`);
      down = false;
    },
  };
}

/**
 * Builds Cohorte: config → redis → stores and queues → adapter → router → HTTP server and workers, by `ROLE`.
 * Nothing starts until `start()`.
 */
export function createCohorte(options: CohorteOptions) {
  const { config, community, log } = options;
  const role = config.ROLE;
  const runsWeb = role !== 'worker';
  const runsWorkers = role !== 'web';
  // One target for every connection: the command one here, BullMQ's below (queues, workers, their blocking ones).
  const target = redisTarget(config);
  const redis = createCommandRedis(target);
  const redisState = outageLogger(log, 'redis');
  // 'reconnecting' marks the outage even when the first reconnection succeeds and no error is ever emitted.
  redis
    .on('error', redisState.error)
    .on('reconnecting', () => redisState.error(new Error('connection lost')))
    .on('ready', redisState.ready);
  const stores = createStores(redis, keyPrefix(config));
  const bull = createBullConnections(target);
  const queues = createQueues(bull.producer(), stores.keys.bull);
  for (const queue of [queues.jobs, queues.outbox]) queue.on('error', redisState.error);

  const movable = movableClock(options.clock ?? systemClock);
  const adapter = createChatAdapter(config.chat, {
    locale: community.locale,
    timezone: community.timezone,
    identities: stores.identities,
    commandTokens: stores.commandTokens,
    log,
    commands: commandHandlers,
    chatState: stores.chatState,
    sharedPacer: (platform, perSecond) =>
      createSharedPacer(redis, stores.keys.paceWorkspace(platform, 'api'), perSecond),
    people: communityPeople(community),
    channels: communityChannels(community),
    clock: options.clock ?? systemClock,
    shell: {
      input: options.shell?.input ?? process.stdin,
      output: options.shell?.output ?? process.stdout,
      as: options.shell?.as ?? community.coordinators[0]?.email ?? 'invite@example.org',
      channelsOf: (email) => channelsOf(services)(email),
    },
  });
  // The local shell moves the bot's clock (`:avance`, `:date`) and fires the jobs by it: see shell-time.ts.
  const { drivesTime } = adapter.capabilities;
  const clock = drivesTime ? movable : (options.clock ?? systemClock);

  // The pages' links point at PUBLIC_URL; without one (the local shell), at this machine's port.
  const baseUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const secret = webSessionSecret(config);
  const services: Services = {
    roster: createRoster(community),
    people: stores.people,
    personalData: combinePersonalData([
      ...stores.personalSources,
      createOutboxPersonalData(queues, redis, stores.keys),
    ]),
    standups: stores.standups,
    announcements: stores.announcements,
    rituals: stores.rituals,
    sessions: stores.sessions,
    schedules: createSchedules(queues, community, clock),
    calendarFeed: calendarFeedUrl(config.PUBLIC_URL, config.CALENDAR_TOKEN),
    bulle: stores.bulle,
    pages: secret
      ? createPageLinks({ secret, baseUrl, store: stores.webSessions, now: () => clock.now() })
      : undefined,
    outbox: createOutbox(queues, redis, stores.keys, config.OUTBOX_WORKSPACE_PER_SECOND),
    directory: adapter.directory,
    clock,
    log,
    // Redis down, or the chat platform unreachable (the adapter maps its network errors to UnavailableError).
    isUnavailable: (error) => error instanceof UnavailableError || isRedisUnavailable(error),
  };
  const router = createRouter({
    commands: commandHandlers,
    actions: actionHandlers,
    forms: formHandlers,
    services,
  });
  const jobControl = createJobControl(queues, jobDefinitions, community);
  /** Only the local shell uses it: its `:jobs`, `:run`, `:avance` and `:date`. */
  const shellTime = createShellTime({
    queues,
    definitions: jobDefinitions,
    clock: movable,
    timezone: community.timezone,
  });
  const workers: ReturnType<typeof createJobsWorker>[] = [];
  /** Where the outbox notes its intents: behind sentinels or on a cluster, apart (see replicated-writes.ts). */
  let intents: ReplicatedWrites | undefined;

  const server: Server = createHttpServer({
    '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/calendar.ics': calendarRoute(services, config.CALENDAR_TOKEN),
    '/readyz': async (_req, res) => {
      const redisOk = await redis.ping().then(
        () => true,
        () => false,
      );
      const workersOk = workers.every((w) => w.isRunning());
      sendJson(res, redisOk && workersOk ? 200 : 503, {
        redis: redisOk,
        workers: runsWorkers ? workersOk : 'n/a',
      });
    },
    ...(runsWeb ? adapter.routes : {}),
    ...(runsWeb && secret
      ? createWebRoutes(
          {
            services,
            queues: createQueueMonitor(queues),
            store: stores.webSessions,
            secret,
            secure: baseUrl.startsWith('https:'),
          },
          PAGES,
        )
      : {}),
  });

  return {
    services,
    stores,
    queues,
    router,
    jobControl,
    server,
    /** Resolves when the adapter stops receiving on its own (the local shell's input ended); else undefined. */
    ended: () => adapter.ended(),

    /** Starts the HTTP server, the adapter and, by role, the workers and schedulers. */
    async start() {
      await whenReady(redis);
      if (runsWorkers) {
        const registered = await upsertSchedulers(
          queues,
          jobDefinitions,
          community,
          chatRitualRuns(stores.rituals),
        );
        log.info(
          {
            schedulers: registered.schedulers,
            upserted: registered.upserted.length,
            removed: registered.removed.length,
          },
          'schedulers registered',
        );
        const common = { prefix: stores.keys.bull, log, lockMs: config.WORKER_LOCK_MS };
        workers.push(
          createJobsWorker({
            ...common,
            connection: bull.worker(),
            definitions: jobDefinitions,
            services,
            schedulerFirings: !drivesTime,
          }),
        );
        intents = createReplicatedWrites(target, redis, log, options.replicaAckMs);
        workers.push(
          createOutboxWorker({
            ...common,
            connection: bull.worker(),
            redis,
            intents,
            keys: stores.keys,
            sender: adapter.sender,
            // A terminal has no rate limit, and one post at a time prints them in the order they were sent.
            channelIntervalMs: drivesTime ? 0 : config.OUTBOX_CHANNEL_INTERVAL_MS,
            ...(drivesTime ? { concurrency: 1 } : {}),
            workspacePerSecond: config.OUTBOX_WORKSPACE_PER_SECOND,
            updatesPerMinute: config.OUTBOX_UPDATES_PER_MINUTE,
            inFlightMs: config.OUTBOX_IN_FLIGHT_MS,
            // A session's announcement is kept until a date on the bot's clock.
            clock,
          }),
        );
        for (const worker of workers) worker.on('error', redisState.error);
        // Fully connected before we call ourselves started (closing a worker mid-connection leaks rejections).
        await Promise.all([...workers.map((w) => w.waitUntilReady()), intents.ready()]);
      }
      // Only web processes receive: a worker in Socket Mode would otherwise open a socket and answer commands.
      await adapter.start(runsWeb ? { router, jobs: shellTime } : undefined);
      server.listen(config.PORT);
      await once(server, 'listening');
      log.info({ port: config.PORT, role, chat: config.chat.kind }, 'cohorte started');
    },

    /** Graceful stop: no new requests, in-flight jobs finish (bounded by SHUTDOWN_TIMEOUT_MS), connections closed. */
    async stop() {
      // One deadline for the whole stop, so it ends within SHUTDOWN_TIMEOUT_MS whatever hangs.
      const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
      const left = () => Math.max(deadline - Date.now(), 0);
      // No new requests; requests in flight get Slack's 3 s to be answered before their sockets are cut.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      await bounded(closed, Math.min(left(), 3000));
      server.closeAllConnections();
      await bounded(adapter.stop(), left());
      await bounded(Promise.all(workers.map((w) => w.close())), left());
      await bounded(queues.close(), left());
      bull.close();
      intents?.close();
      redis.disconnect();
    },
  };
}

/** A built Cohorte. */
export type Cohorte = ReturnType<typeof createCohorte>;
