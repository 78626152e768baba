import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findMatrixOperation, loadMatrixOperations } from './matrix-double-spec.js';
import { type MatrixDoubleEvent, MatrixDoubleState, type MatrixDoubleUser } from './matrix-double-state.js';

export type { MatrixDoubleEvent, MatrixDoubleUser } from './matrix-double-state.js';

/** One request, as received. */
export interface MatrixDoubleCall {
  method: string;
  path: string;
  /** The query's parameters (`since`, `timeout`…). */
  query: Record<string, string>;
  /** The spec's template it matched, or '' for none. */
  template: string;
  body: unknown;
  at: number;
  status: number;
  errcode?: string;
}

/** Options of {@link startMatrixDouble}. */
export interface MatrixDoubleOptions {
  botId: string;
  users: MatrixDoubleUser[];
  /** Calls per second the homeserver lets the bot make (`/sync` aside) before `M_LIMIT_EXCEEDED`. */
  perSecond?: number;
  /** The limiter's burst; its bucket starts full. */
  burst?: number;
  /**
   * The most events of one room a `/sync` timeline or a `/messages` page holds, whatever the client asks: a
   * homeserver may send fewer (Synapse caps filters), and a longer gap is `limited`.
   */
  timelineLimit?: number;
}

const TOKEN = 'syt_Y29ob3J0ZQ_test_token';
/** A room id or alias as the spec writes them: a sigil, a localpart without `:`, `:` and the server name. */
const ROOM_ID_OR_ALIAS = /^[!#][^:]+:.+$/;
const IDENTITY_TOKEN = 'identity-token-0123456789';
const PEPPER = 'matrixrocks';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const ok = (body: unknown): Answer => ({ status: 200, body });
// The standard error response (client-server-api.excerpt.md, "Standard error response").
const error = (
  status: number,
  errcode: string,
  message: string,
  extra: Record<string, unknown> = {},
): Answer => ({
  status,
  body: { errcode, error: message, ...extra },
});

/**
 * What the bot reads of a filter given inline (definitions/event_filter.yaml): the per-room timeline `limit` of a
 * `/sync` filter (`room.timeline`), or of a `/messages` filter at its top, Synapse's 10 without one; `not_senders`.
 */
function readFilter(filter: string | null, path: 'sync' | 'messages') {
  const parsed = filter?.startsWith('{') ? (JSON.parse(filter) as Record<string, unknown>) : {};
  const events = (path === 'sync' ? (parsed.room as { timeline?: unknown } | undefined)?.timeline : parsed) as
    | { limit?: unknown; not_senders?: unknown }
    | undefined;
  return {
    limit: typeof events?.limit === 'number' ? events.limit : 10,
    notSenders: Array.isArray(events?.not_senders) ? events.not_senders.map(String) : [],
  };
}

/** A running Matrix homeserver and identity server double on 127.0.0.1, held to the spec's OpenAPI files. */
export interface MatrixDouble {
  readonly url: string;
  readonly token: string;
  readonly botId: string;
  readonly state: MatrixDoubleState;
  readonly calls: MatrixDoubleCall[];
  /** Requests no operation of the spec files describes: a test expects none. */
  readonly offSpec: MatrixDoubleCall[];
  callsTo(method: string, template: string): MatrixDoubleCall[];
  /** The DM room `userId` opened with the bot (inviting it with `is_direct`), made on first use. */
  dmFrom(userId: string): string;
  /** The bot's DM room with `userId`, whoever made it. */
  dmWith(userId: string): string | undefined;
  /** A public room under `alias` (`#room_alias:domain`) with these members (the bot joins by alias). */
  room(alias: string, members: string[]): string;
  /** `userId` sends an event in `roomId` (as their client would); returns it. */
  send(userId: string, roomId: string, type: string, content: Record<string, unknown>): MatrixDoubleEvent;
  /** Events the bot sent, oldest first, with their transaction id. */
  botEvents(roomId?: string): { room: string; event: MatrixDoubleEvent; txnId: string }[];
  /** The most `/sync` requests that were ever open at once. */
  peakSyncs(): number;
  /**
   * Handles the next call matching `template`, then drops its connection unanswered: what the bot sees when the
   * network fails, or its process dies, after the homeserver acted (its status is recorded as 0).
   */
  loseNextAnswer(template: string): void;
  /** Answers the next `count` calls matching `template` with this error. */
  failNext(template: string, status: number, errcode: string, count?: number): void;
  close(): Promise<void>;
}

/**
 * Starts the double. Behaviours follow the spec and Synapse: a bad token is 401 `M_UNKNOWN_TOKEN`, a missing one
 * `M_MISSING_TOKEN` (client-server-api.excerpt.md, "Using access tokens"); a send to a room the bot has not joined is
 * 403 `M_FORBIDDEN`; too many calls are 429 `M_LIMIT_EXCEEDED` with `retry_after_ms` and `Retry-After`
 * (element-hq/synapse `synapse/api/errors.py`, LimitExceededError, over a leaky bucket as `synapse/api/ratelimiting.py`);
 * a repeated transaction id on the same path answers the first event id without a new event (client-server-api
 * "Transaction identifiers"); `/sync` holds until something happens or its `timeout`; an unknown path is 404
 * `M_UNRECOGNIZED`, a known path with another method 405 (`M_UNRECOGNIZED`).
 */
export async function startMatrixDouble(options: MatrixDoubleOptions): Promise<MatrixDouble> {
  const server = options.botId.split(':')[1] ?? 'example.org';
  const state = new MatrixDoubleState(options.botId, options.users, server);
  const operations = await loadMatrixOperations();
  const calls: MatrixDoubleCall[] = [];
  const offSpec: MatrixDoubleCall[] = [];
  const txns = new Map<string, string>();
  const failures: { template: string; status: number; errcode: string }[] = [];
  const losses: string[] = [];
  const perSecond = options.perSecond ?? 1000;
  const timelineLimit = options.timelineLimit ?? Number.POSITIVE_INFINITY;
  const burst = options.burst ?? Math.max(perSecond, 1);
  let bucket = burst;
  let bucketAt = Date.now();
  const polls = new Set<() => void>();
  let closing = false;
  let syncing = 0;
  let peakSyncs = 0;

  /** The leaky bucket: how long until a call is allowed, 0 when it is (and then it is counted). */
  function limited(): number {
    const now = Date.now();
    bucket = Math.min(burst, bucket + ((now - bucketAt) / 1000) * perSecond);
    bucketAt = now;
    if (bucket >= 1) {
      bucket -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket) / perSecond) * 1000);
  }

  function dmWith(userId: string): string | undefined {
    for (const room of state.rooms.values()) {
      const people = new Set([...room.members, ...room.invited.keys()]);
      if (!room.alias && people.size === 2 && people.has(userId) && people.has(options.botId)) return room.id;
    }
    return undefined;
  }

  /** `/sync`: what happened after `since`, held until something happens or `timeout` passes. */
  async function longPoll(url: URL): Promise<Answer> {
    const since = url.searchParams.get('since');
    const from = since ? Number(since.slice(1)) : undefined;
    const timeout = Number(url.searchParams.get('timeout') ?? '0');
    const deadline = Date.now() + timeout;
    while (from !== undefined && state.stream.length <= from && Date.now() < deadline && !closing) {
      await new Promise<void>((resolve) => {
        polls.add(resolve);
        void state.changed(deadline - Date.now()).then(() => {
          polls.delete(resolve);
          resolve();
        });
      });
    }
    const filter = readFilter(url.searchParams.get('filter'), 'sync');
    return ok(state.syncFor(from, { ...filter, limit: Math.min(filter.limit, timelineLimit) }));
  }

  async function route(
    method: string,
    template: string,
    parts: string[],
    url: URL,
    body: unknown,
  ): Promise<Answer> {
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const param = (name: string) => decodeURIComponent(parts[template.split('/').indexOf(`{${name}}`)] ?? '');
    switch (`${method} ${template}`) {
      case 'GET /_matrix/client/v3/account/whoami':
        return ok({ user_id: options.botId, device_id: 'COHORTE' });
      case 'GET /_matrix/client/v3/sync': {
        syncing += 1;
        peakSyncs = Math.max(peakSyncs, syncing);
        try {
          return await longPoll(url);
        } finally {
          syncing -= 1;
        }
      }
      case 'PUT /_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}': {
        const roomId = param('roomId');
        if (!state.rooms.get(roomId)?.members.has(options.botId))
          return error(403, 'M_FORBIDDEN', 'User not in room');
        // m.room.message requires msgtype and body (event schema m.room.message).
        if (
          param('eventType') === 'm.room.message' &&
          (typeof record.msgtype !== 'string' || typeof record.body !== 'string')
        )
          return error(400, 'M_BAD_JSON', 'msgtype and body are required');
        const key = `${roomId}\n${param('eventType')}\n${param('txnId')}`;
        const earlier = txns.get(key);
        if (earlier) return ok({ event_id: earlier });
        const event = state.addEvent(roomId, options.botId, param('eventType'), record, param('txnId'));
        txns.set(key, event.event_id);
        return ok({ event_id: event.event_id });
      }
      case 'GET /_matrix/client/v3/rooms/{roomId}/messages': {
        const roomId = param('roomId');
        if (!state.rooms.get(roomId)?.members.has(options.botId))
          return error(403, 'M_FORBIDDEN', 'User not in room');
        const dir = url.searchParams.get('dir');
        if (dir !== 'b' && dir !== 'f') return error(400, 'M_INVALID_PARAM', 'Unknown direction');
        const position = (name: string) => {
          const token = url.searchParams.get(name);
          return token ? Number(token.slice(1)) : undefined;
        };
        const { notSenders } = readFilter(url.searchParams.get('filter'), 'messages');
        const limit = Number(url.searchParams.get('limit') ?? '10');
        return ok(
          state.messages(roomId, {
            from: position('from') ?? (dir === 'b' ? state.stream.length : 0),
            ...(position('to') !== undefined ? { to: position('to') } : {}),
            dir,
            limit: Math.min(limit, timelineLimit),
            notSenders,
          }),
        );
      }
      case 'PUT /_matrix/client/v3/rooms/{roomId}/redact/{eventId}/{txnId}': {
        const roomId = param('roomId');
        if (!state.rooms.get(roomId)?.members.has(options.botId))
          return error(403, 'M_FORBIDDEN', 'User not in room');
        const event = state.addEvent(roomId, options.botId, 'm.room.redaction', {
          redacts: param('eventId'),
        });
        return ok({ event_id: event.event_id });
      }
      case 'POST /_matrix/client/v3/createRoom': {
        const invite = Array.isArray(record.invite) ? record.invite.map(String) : [];
        const room = state.createRoom(options.botId, invite, record.is_direct === true);
        // The invited people's clients accept at once.
        for (const invitee of invite) state.join(room.id, invitee);
        return ok({ room_id: room.id });
      }
      case 'POST /_matrix/client/v3/join/{roomIdOrAlias}':
      case 'POST /_matrix/client/v3/rooms/{roomId}/join': {
        const target = param('roomIdOrAlias') || param('roomId');
        // A room id is `!opaque:domain`, an alias `#room_alias:domain` (appendices.room-aliases.md); anything else
        // is 400 M_UNKNOWN before any lookup (element-hq/synapse `synapse/rest/client/room.py`, resolve_room_id:
        // "… was not legal room ID or room alias").
        if (!ROOM_ID_OR_ALIAS.test(target))
          return error(400, 'M_UNKNOWN', `${target} was not legal room ID or room alias`);
        const room = [...state.rooms.values()].find((r) => r.id === target || r.alias === target);
        if (!room) return error(404, 'M_NOT_FOUND', 'No known servers');
        if (!room.alias && !room.invited.has(options.botId) && !room.members.has(options.botId))
          return error(403, 'M_FORBIDDEN', 'You are not invited to this room.');
        state.join(room.id, options.botId);
        return ok({ room_id: room.id });
      }
      case 'GET /_matrix/client/v3/user/{userId}/account_data/{type}': {
        const data = state.accountData.get(`${param('userId')}\n${param('type')}`);
        return data ? ok(data) : error(404, 'M_NOT_FOUND', 'Account data not found');
      }
      case 'PUT /_matrix/client/v3/user/{userId}/account_data/{type}':
        if (param('userId') !== options.botId)
          return error(403, 'M_FORBIDDEN', 'Cannot add account data for other users.');
        state.setAccountData(options.botId, param('type'), record);
        return ok({});
      case 'POST /_matrix/client/v3/user/{userId}/openid/request_token':
        return ok({
          access_token: 'openid-token',
          token_type: 'Bearer',
          matrix_server_name: server,
          expires_in: 3600,
        });
      case 'POST /_matrix/media/v3/upload': {
        const contentUri = `mxc://${server}/${state.nextId('m')}`;
        state.uploads.push({
          contentUri,
          name: url.searchParams.get('filename') ?? '',
          content: String(body),
        });
        return ok({ content_uri: contentUri });
      }
      case 'POST /_matrix/identity/v2/account/register':
        return record.access_token === 'openid-token'
          ? ok({ token: IDENTITY_TOKEN })
          : error(401, 'M_UNAUTHORIZED', 'Invalid OpenID token');
      case 'GET /_matrix/identity/v2/hash_details':
        return ok({ algorithms: ['none', 'sha256'], lookup_pepper: PEPPER });
      case 'POST /_matrix/identity/v2/lookup': {
        if (record.algorithm !== 'sha256') return error(400, 'M_INVALID_PARAM', 'Unsupported algorithm');
        if (record.pepper !== PEPPER) return error(400, 'M_INVALID_PEPPER', 'Unknown or invalid pepper');
        const asked = Array.isArray(record.addresses) ? record.addresses.map(String) : [];
        state.lookups.push(asked);
        const mappings: Record<string, string> = {};
        for (const user of state.users) {
          const hash = MatrixDoubleState.hash(user.email, PEPPER);
          if (asked.includes(hash)) mappings[hash] = user.id;
        }
        return ok({ mappings });
      }
    }
    return error(404, 'M_UNRECOGNIZED', 'Unrecognized request');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://double');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const body: unknown = isJson && raw ? JSON.parse(raw) : raw;
    const method = req.method ?? 'GET';
    const { operation, pathKnown } = findMatrixOperation(operations, method, url.pathname);
    const call: MatrixDoubleCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      template: operation?.template ?? '',
      body,
      at: Date.now(),
      status: 0,
    };
    calls.push(call);
    const answer = await (async (): Promise<Answer> => {
      if (!operation) {
        offSpec.push(call);
        return error(pathKnown ? 405 : 404, 'M_UNRECOGNIZED', 'Unrecognized request');
      }
      const auth = req.headers.authorization;
      const identity = operation.template.startsWith('/_matrix/identity/');
      const open =
        operation.template.endsWith('/account/register') || operation.template.endsWith('/hash_details');
      if (!open) {
        if (!auth) return error(401, 'M_MISSING_TOKEN', 'Missing access token');
        if (auth !== `Bearer ${identity ? IDENTITY_TOKEN : TOKEN}`)
          return error(401, 'M_UNKNOWN_TOKEN', 'Unknown access token', { soft_logout: false });
      }
      const failure = failures.findIndex((f) => f.template === operation.template);
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        if (f) return error(f.status, f.errcode, 'Injected by the test');
      }
      if (!identity && !operation.template.endsWith('/sync')) {
        const wait = limited();
        if (wait > 0)
          return {
            ...error(429, 'M_LIMIT_EXCEEDED', 'Too Many Requests', { retry_after_ms: wait }),
            headers: { 'retry-after': String(Math.ceil(wait / 1000)) },
          };
      }
      return route(method, operation.template, url.pathname.split('/'), url, body);
    })();
    const lost = losses.indexOf(call.template);
    if (lost >= 0) {
      losses.splice(lost, 1);
      req.socket.destroy();
      return;
    }
    call.status = answer.status;
    const errcode = (answer.body as { errcode?: string }).errcode;
    if (errcode) call.errcode = errcode;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errcode: 'M_UNKNOWN', error: String(err) }));
    });
  });
  http.listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token: TOKEN,
    botId: options.botId,
    state,
    calls,
    offSpec,
    callsTo: (method, template) => calls.filter((c) => c.method === method && c.template === template),
    dmFrom(userId) {
      const known = dmWith(userId);
      if (known) return known;
      return state.createRoom(userId, [options.botId], true).id;
    },
    dmWith,
    room(alias, members) {
      if (!ROOM_ID_OR_ALIAS.test(alias)) throw new Error(`${alias}: a room alias is #room_alias:domain`);
      const room = state.createRoom(members[0] ?? options.botId, [], false, alias);
      for (const member of members) state.join(room.id, member);
      return room.id;
    },
    send: (userId, roomId, type, content) => state.addEvent(roomId, userId, type, content),
    botEvents(roomId) {
      return state.stream.flatMap((item) =>
        item.kind === 'event' && item.event.sender === options.botId && (!roomId || item.room === roomId)
          ? [{ room: item.room, event: item.event, txnId: item.txnId ?? '' }]
          : [],
      );
    },
    peakSyncs: () => peakSyncs,
    loseNextAnswer(template) {
      losses.push(template);
    },
    failNext(template, status, errcode, count = 1) {
      for (let i = 0; i < count; i++) failures.push({ template, status, errcode });
    },
    async close() {
      closing = true;
      for (const wake of polls) wake();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
