import { createHash } from 'node:crypto';

/** A person of the double's homeserver: their Matrix id and the e-mail the identity server maps to it. */
export interface MatrixDoubleUser {
  id: string;
  email: string;
}

/** An event of a room, as `/sync` serves it (ClientEventWithoutRoomID). */
export interface MatrixDoubleEvent {
  event_id: string;
  type: string;
  sender: string;
  content: Record<string, unknown>;
  origin_server_ts: number;
  state_key?: string;
}

/** One room: who joined, who is invited (and whether as a DM), its alias. */
export interface MatrixDoubleRoom {
  id: string;
  members: Set<string>;
  invited: Map<string, { inviter: string; direct: boolean }>;
  alias?: string;
}

/** Something that happened, in the order `/sync` tokens count. */
export type StreamItem =
  | { kind: 'event'; room: string; event: MatrixDoubleEvent; txnId?: string }
  | { kind: 'invite'; room: string; invitee: string }
  | { kind: 'account'; user: string; type: string };

/** The homeserver's state, shared by the double's request handlers. */
export class MatrixDoubleState {
  readonly rooms = new Map<string, MatrixDoubleRoom>();
  readonly stream: StreamItem[] = [];
  readonly accountData = new Map<string, Record<string, unknown>>();
  readonly uploads: { contentUri: string; name: string; content: string }[] = [];
  /** Hashes asked in each identity lookup. */
  readonly lookups: string[][] = [];
  private counter = 0;
  private waiters: (() => void)[] = [];

  constructor(
    readonly botId: string,
    readonly users: MatrixDoubleUser[],
    readonly server: string,
  ) {}

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  push(item: StreamItem): void {
    this.stream.push(item);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves at the next change, or after `ms`. */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  createRoom(creator: string, invite: string[], direct: boolean, alias?: string): MatrixDoubleRoom {
    const room: MatrixDoubleRoom = {
      id: `!${this.nextId('r')}:${this.server}`,
      members: new Set([creator]),
      invited: new Map(),
      ...(alias ? { alias } : {}),
    };
    this.rooms.set(room.id, room);
    for (const invitee of invite) {
      room.invited.set(invitee, { inviter: creator, direct });
      this.push({ kind: 'invite', room: room.id, invitee });
    }
    return room;
  }

  join(roomId: string, userId: string): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    room.invited.delete(userId);
    room.members.add(userId);
  }

  addEvent(roomId: string, sender: string, type: string, content: Record<string, unknown>, txnId?: string) {
    const event: MatrixDoubleEvent = {
      event_id: `$${this.nextId('e')}`,
      type,
      sender,
      content,
      origin_server_ts: Date.now(),
    };
    this.push({ kind: 'event', room: roomId, event, ...(txnId ? { txnId } : {}) });
    return event;
  }

  setAccountData(user: string, type: string, content: Record<string, unknown>): void {
    this.accountData.set(`${user}\n${type}`, content);
    this.push({ kind: 'account', user, type });
  }

  /**
   * `/rooms/{roomId}/messages`: the room's events between the positions `from` and `to` (stream tokens), but those
   * of `notSenders`, newest first for `dir=b`, at most `limit`; `end` is where the next page starts, absent when none is left
   * (message_pagination.yaml).
   */
  messages(
    roomId: string,
    query: { from: number; to?: number; dir: 'b' | 'f'; limit: number; notSenders: string[] },
  ) {
    const { from, dir, limit, notSenders } = query;
    const [low, high] = dir === 'b' ? [query.to ?? 0, from] : [from, query.to ?? this.stream.length];
    const inRange = this.stream.flatMap((item, position) =>
      item.kind === 'event' &&
      item.room === roomId &&
      !notSenders.includes(item.event.sender) &&
      position >= low &&
      position < high
        ? [{ event: item.event, position }]
        : [],
    );
    if (dir === 'b') inRange.reverse();
    const page = inRange.slice(0, limit);
    const last = page.at(-1);
    const more = last && inRange.length > page.length;
    return {
      start: `s${from}`,
      chunk: page.map(({ event }) => ({ ...event, room_id: roomId })),
      ...(more ? { end: `s${dir === 'b' ? last.position : last.position + 1}` } : {}),
    };
  }

  /** The identity service's sha256 hash of an e-mail (identity-service-api.md, "sha256"). */
  static hash(email: string, pepper: string): string {
    return createHash('sha256').update(`${email} email ${pepper}`).digest('base64url');
  }

  /**
   * The `/sync` answer for the bot after position `since` (every item when undefined). A room with more than
   * `limit` new events gets only the latest `limit`, `limited: true` and a `prev_batch` before them: a gap the
   * client fills with `/rooms/{roomId}/messages` (client-server-api.sync-gaps.md, definitions/timeline_batch.yaml).
   */
  syncFor(
    since: number | undefined,
    { limit, notSenders }: { limit: number; notSenders: string[] } = {
      limit: Number.POSITIVE_INFINITY,
      notSenders: [],
    },
  ) {
    type Timeline = { events: MatrixDoubleEvent[]; limited: boolean; prev_batch?: string };
    const join: Record<string, { timeline: Timeline }> = {};
    const positions = new Map<MatrixDoubleEvent, number>();
    const invite: Record<string, { invite_state: { events: Record<string, unknown>[] } }> = {};
    const account: { type: string; content: Record<string, unknown> }[] = [];
    this.stream.slice(since ?? 0).forEach((item, i) => {
      const room = 'room' in item ? this.rooms.get(item.room) : undefined;
      if (item.kind === 'event' && room?.members.has(this.botId)) {
        if (notSenders.includes(item.event.sender)) return;
        join[item.room] ??= { timeline: { events: [], limited: false } };
        join[item.room]?.timeline.events.push(item.event);
        positions.set(item.event, (since ?? 0) + i);
      } else if (item.kind === 'invite' && item.invitee === this.botId && room?.invited.has(this.botId)) {
        const { inviter, direct } = room.invited.get(this.botId) ?? { inviter: '', direct: false };
        invite[item.room] = {
          invite_state: {
            events: [
              {
                type: 'm.room.member',
                state_key: this.botId,
                sender: inviter,
                content: { membership: 'invite', ...(direct ? { is_direct: true } : {}) },
              },
            ],
          },
        };
      } else if (item.kind === 'account' && item.user === this.botId) {
        account.push({ type: item.type, content: this.accountData.get(`${item.user}\n${item.type}`) ?? {} });
      }
    });
    for (const { timeline } of Object.values(join)) {
      if (timeline.events.length <= limit) continue;
      timeline.events = timeline.events.slice(-limit);
      timeline.limited = true;
      timeline.prev_batch = `s${positions.get(timeline.events[0] as MatrixDoubleEvent)}`;
    }
    return {
      next_batch: `s${this.stream.length}`,
      rooms: { join, invite, leave: {} },
      account_data: { events: account },
    };
  }
}
