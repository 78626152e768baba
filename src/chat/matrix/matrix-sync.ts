import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { RateLimitedError } from '../../core/errors.js';
import type { ChatState, Logger } from '../../core/ports.js';
import { MatrixApiError, type MatrixClient } from './matrix-client.js';
import { type MatrixEvent, MessagesSchema, SyncSchema } from './matrix-schemas.js';

/** How long the homeserver holds a `/sync` open when nothing happens. */
const POLL_MS = 30_000;
/** The sync lock outlives one long poll and its handling; a process that dies frees it after this. */
const LOCK_MS = 90_000;
/** How long a process without the lock waits before trying again. */
const STANDBY_MS = 5_000;
/** An event id is remembered a week: a replayed sync position never answers it twice. */
const SEEN_MS = 7 * 24 * 3600_000;
/** The sync position outlives any outage: a restart a month later still resumes where it stopped. */
const SINCE_MS = 90 * 24 * 3600_000;
/** The most recent events of each room per sync; more come through the backfill. */
const TIMELINE_LIMIT = 100;
/** Pages of a gap fetched at most, newest first: beyond them the oldest missed events are a flood, left out. */
const GAP_PAGES = 10;

/** What the loop hands events to. */
export interface SyncHandlers {
  /** An event of a joined room sent by someone else, seen for the first time. */
  event(roomId: string, event: MatrixEvent): Promise<void>;
  /** An invitation; `direct` when the inviter marked it as a DM (`is_direct`). */
  invite(roomId: string, inviter: string | undefined, direct: boolean): Promise<void>;
  /** The bot's account data changed (`m.direct`). */
  accountData(type: string, content: unknown): void;
}

/**
 * The `/sync` long poll. Only the process holding the lock in Redis syncs, so two replicas never answer one message
 * twice. The position (`next_batch`) is stored in Redis once a batch is handled: a restart resumes there, neither
 * replaying nor missing messages; the very first sync takes the position and pending invitations, not the rooms'
 * history (old messages are not answered). Each
 * event is claimed by id before it is handled, so an event seen again (a batch replayed after a crash) is handled
 * at most once; the bot's own events are skipped. A gap (a `limited` timeline, after a long stop or a flood) is
 * filled from `/rooms/{roomId}/messages` before the timeline, so missed commands are answered, each once. Errors
 * wait and retry: `M_LIMIT_EXCEEDED` as long as asked.
 */
export function startSync(deps: {
  client: MatrixClient;
  state: ChatState;
  botId: string;
  log: Logger;
  handlers: SyncHandlers;
}): { stop(): Promise<void> } {
  const { client, state, log } = deps;
  const holder = randomUUID();
  // The bot's own events are never handled: left out by the server, they never fill a timeline into a gap.
  const events = { limit: TIMELINE_LIMIT, not_senders: [deps.botId] };
  const syncFilter = JSON.stringify({ room: { timeline: events } });
  const gapFilter = JSON.stringify(events);
  const stopping = new AbortController();
  let holding = false;

  async function lock(): Promise<boolean> {
    holding = holding
      ? await state.renew('matrix:sync-lock', holder, LOCK_MS)
      : await state.claim('matrix:sync-lock', holder, LOCK_MS);
    return holding;
  }

  /**
   * The events of a room's gap: `/sync` answered a `limited` timeline, and the events between the stored position
   * `since` and the timeline's `prev_batch` are fetched from `/rooms/{roomId}/messages`, newest first, then put back
   * in order. At most {@link GAP_PAGES} pages: a longer gap keeps its latest events.
   */
  async function gap(roomId: string, prevBatch: string, since: string): Promise<MatrixEvent[]> {
    const missed: MatrixEvent[] = [];
    let from: string | undefined = prevBatch;
    for (let page = 0; from && page < GAP_PAGES; page++) {
      const query = new URLSearchParams({ dir: 'b', from, to: since, filter: gapFilter });
      const answer: z.infer<typeof MessagesSchema> = await client.call(
        { method: 'GET', path: `/rooms/${encodeURIComponent(roomId)}/messages?${query}` },
        MessagesSchema,
      );
      missed.push(...answer.chunk);
      // No `end`: the start of the gap is reached (an empty chunk with an `end` only means "ask again").
      from = answer.end !== from ? answer.end : undefined;
    }
    if (from) log.warn({ room: roomId, kept: missed.length }, 'matrix gap too long; older events left out');
    return missed.reverse();
  }

  /** Handles a batch; the first one (no `since`) only for its invites and account data, never old messages. */
  async function handleBatch(batch: ReturnType<typeof SyncSchema.parse>, since: string | undefined) {
    for (const event of batch.account_data?.events ?? [])
      deps.handlers.accountData(event.type, event.content);
    for (const [roomId, room] of Object.entries(batch.rooms?.invite ?? {})) {
      const own = room.invite_state?.events.find(
        (e) => e.type === 'm.room.member' && e.state_key === deps.botId,
      );
      await deps.handlers.invite(roomId, own?.sender, own?.content.is_direct === true);
    }
    if (!since) return;
    for (const [roomId, room] of Object.entries(batch.rooms?.join ?? {})) {
      const timeline = room.timeline;
      const missed =
        timeline?.limited && timeline.prev_batch ? await gap(roomId, timeline.prev_batch, since) : [];
      for (const event of [...missed, ...(timeline?.events ?? [])]) {
        if (event.sender === deps.botId || !event.event_id || event.state_key !== undefined) continue;
        if (!(await state.claim(`matrix:event:${event.event_id}`, '1', SEEN_MS))) continue;
        try {
          await deps.handlers.event(roomId, event);
        } catch (error) {
          log.error({ err: error, room: roomId, event: event.event_id }, 'matrix event not handled');
        }
      }
    }
  }

  async function once(): Promise<void> {
    if (!(await lock())) return void (await sleep(STANDBY_MS, undefined, { signal: stopping.signal }));
    const since = await state.get('matrix:since');
    const query = new URLSearchParams({ filter: syncFilter, timeout: String(since ? POLL_MS : 0) });
    if (since) query.set('since', since);
    const batch = await client.call(
      {
        method: 'GET',
        path: `/sync?${query}`,
        longPoll: { timeoutMs: POLL_MS + 15_000, signal: stopping.signal },
      },
      SyncSchema,
    );
    await handleBatch(batch, since);
    // Lost the lock while handling (a pause longer than the lock): the holder now stores its own position.
    if (!(await lock())) return;
    await state.set('matrix:since', batch.next_batch, SINCE_MS);
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        await once();
        failures = 0;
      } catch (error) {
        if (stopping.signal.aborted) break;
        failures += 1;
        const wait =
          error instanceof RateLimitedError
            ? error.retryAfterMs
            : Math.min(1000 * 2 ** Math.min(failures, 5), 30_000);
        const level =
          error instanceof MatrixApiError && error.errcode === 'M_UNKNOWN_TOKEN' ? 'error' : 'warn';
        log[level](
          { err: error instanceof Error ? error.message : String(error), wait },
          'matrix sync failed; retrying',
        );
        await sleep(wait, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
  })();

  return {
    async stop() {
      stopping.abort();
      await loop;
      // Freed at once for a standby replica, unless another process already holds it.
      if (holding && (await state.renew('matrix:sync-lock', holder, LOCK_MS).catch(() => false)))
        await state.delete('matrix:sync-lock').catch(() => undefined);
    },
  };
}
