import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HISTORY_HANDLERS, JOIN_HANDLERS } from './slack-double-history.js';
import {
  bearer,
  loadRequired,
  mediaType,
  parseArgs,
  readBody,
  SlidingWindow,
  send,
} from './slack-double-http.js';
import {
  createDoubleState,
  type DoubleState,
  METHOD_HANDLERS,
  type MethodArgs,
  type MethodResult,
  normalizeChannel,
  type SlackDoubleFile,
  type SlackDoubleMessage,
  type SlackDoubleUser,
} from './slack-double-methods.js';
import { VIEW_AND_FILE_HANDLERS } from './slack-double-views-files.js';

export type { SlackDoubleFile, SlackDoubleMessage, SlackDoubleUser } from './slack-double-methods.js';

/** chat.postMessage limits, over sliding one-second windows; an absent limit is not enforced. */
export interface SlackDoubleLimits {
  /** Slack allows about 1 message per second per channel. */
  perChannelPerSecond?: number;
  /** Slack also caps a workspace (several hundred per minute). */
  workspacePerSecond?: number;
  /**
   * The window the limits count in, 1000 ms like Slack's by default; shorter scales them up (100 ms: ten times the
   * rate), so a test can run a fan-out in seconds. `Retry-After` stays in whole seconds, as Slack sends it.
   */
  windowMs?: number;
}

/** One request to `/api/<method>`, as received (token removed, JSON-string arguments decoded). */
export interface SlackDoubleCall {
  method: string;
  args: Record<string, unknown>;
  /** Milliseconds since the epoch, from the double's clock. */
  at: number;
  /** HTTP status answered: 200, 429 when rate limited, a 5xx when told to ({@link SlackDouble.serverErrorAfter}). */
  status: number;
  /** The `error` answered, when `ok` was false. */
  error?: string;
  /** The `Authorization` header, recorded for `apps.connections.open` only (Socket Mode's app-level token). */
  authorization?: string;
}

/** Options of {@link startSlackDouble}. */
export interface SlackDoubleOptions {
  /** Users known from the start, as with {@link SlackDouble.addUser}. */
  users?: SlackDoubleUser[];
  /** chat.postMessage limits enforced from the start (none by default). */
  limits?: SlackDoubleLimits;
  /** The clock used for `at` and the rate-limit windows (default `Date.now`). */
  now?: () => number;
  /** The WebSocket URL `apps.connections.open` hands an `xapp-` token (Socket Mode); unset, the method is unknown. */
  socketUrl?: string;
  /**
   * Milliseconds between doing what a call asks and answering it (0 by default): a client killed in between has
   * posted without knowing it, as after a lost response.
   */
  latencyMs?: number;
  /**
   * Called with each request to `/api/<method>` as it arrives, before the double does anything with it: a test
   * records there what else was true at that moment (what a Redis replica holds…).
   */
  onReceive?: (method: string, args: Record<string, unknown>) => Promise<void> | void;
}

/** A running Slack Web API double: a real HTTP server on 127.0.0.1 that records every call. */
export interface SlackDouble {
  /** Base URL ending in `/api/`, for WebClient's `slackApiUrl` or `SLACK_API_URL`. */
  readonly url: string;
  /** Every call received, in order, including refused ones. */
  readonly calls: SlackDoubleCall[];
  /** Files completed by `files.completeUploadExternal`, in order. */
  readonly files: SlackDoubleFile[];
  /** The calls to one method, in order. */
  callsTo(method: string): SlackDoubleCall[];
  /** Adds (or replaces) a workspace member. */
  addUser(user: SlackDoubleUser): void;
  /** The next `times` (default 1) calls to `method` answer HTTP 429 with `Retry-After` and `error: 'ratelimited'`. */
  rateLimit(method: string, options: { retryAfterSeconds: number; times?: number }): void;
  /** The next call to `method` answers `{ ok: false, error }` (queued: call again to fail several). */
  failNext(method: string, error: string): void;
  /**
   * The next call to `method` is carried out (a message posted…), then answered HTTP `status` (a 5xx), as when
   * Slack fails after doing the work: the caller cannot tell whether it took effect.
   */
  serverErrorAfter(method: string, status?: number): void;
  /** Replaces the chat.postMessage limits. */
  setLimits(limits: SlackDoubleLimits): void;
  /** Messages currently in a channel (a user id means the DM with that user), oldest first, updates applied. */
  messages(channel: string): SlackDoubleMessage[];
  /** A `response_url` served by the double, as Slack hands one out with each command or click. */
  responseUrl(id: string): string;
  /** Bodies POSTed to response URLs (by id), oldest first: what a person sees after an acknowledgement. */
  responses(id: string): Record<string, unknown>[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const HANDLERS = { ...METHOD_HANDLERS, ...VIEW_AND_FILE_HANDLERS, ...HISTORY_HANDLERS, ...JOIN_HANDLERS };

interface Answer {
  status: number;
  body: MethodResult;
  headers?: Record<string, string>;
}

const ratelimited = (seconds: number): Answer => ({
  status: 429,
  body: { ok: false, error: 'ratelimited' },
  headers: { 'retry-after': String(seconds) },
});

/**
 * Starts a Slack Web API double on 127.0.0.1 with an ephemeral port. It answers `POST /api/<method>` as Slack
 * does (HTTP 200 with `ok: true|false`, or 429 with `Retry-After`), checks the token (`xoxb-…`) and the required
 * parameters of Slack's OpenAPI subset, keeps messages, views and uploaded files, and serves the upload URLs
 * it hands out (`POST /upload/<id>`). Close it with {@link SlackDouble.close}.
 */
export async function startSlackDouble(options: SlackDoubleOptions = {}): Promise<SlackDouble> {
  const required = await loadRequired();
  const now = options.now ?? Date.now;
  const calls: SlackDoubleCall[] = [];
  const forcedLimits = new Map<string, { retryAfterSeconds: number; times: number }>();
  const failures = new Map<string, string[]>();
  const serverErrors = new Map<string, number[]>();
  const channelWindow = new SlidingWindow();
  const workspaceWindow = new SlidingWindow();
  let limits: SlackDoubleLimits = { ...options.limits };
  const state: DoubleState = createDoubleState('', now);
  const responses = new Map<string, Record<string, unknown>[]>();

  const answer = (method: string, token: string | undefined, args: MethodArgs, at: number): Answer => {
    // Socket Mode: only an app-level token may open a connection, and it may call nothing else.
    if (method === 'apps.connections.open' && options.socketUrl !== undefined) {
      if (token?.startsWith('xapp-')) return { status: 200, body: { ok: true, url: options.socketUrl } };
      const error = token?.startsWith('xoxb-') ? 'not_allowed_token_type' : 'invalid_auth';
      return { status: 200, body: { ok: false, error } };
    }
    const handler = HANDLERS[method];
    if (!handler) return { status: 200, body: { ok: false, error: 'unknown_method' } };
    if (!token?.startsWith('xoxb-')) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    const forced = forcedLimits.get(method);
    if (forced) {
      forced.times -= 1;
      if (forced.times <= 0) forcedLimits.delete(method);
      return ratelimited(forced.retryAfterSeconds);
    }
    const failure = failures.get(method)?.shift();
    if (failure !== undefined) return { status: 200, body: { ok: false, error: failure } };
    const missing = (required.get(method) ?? []).some(
      (name) => args[name] === undefined || args[name] === '',
    );
    if (missing) return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
    if (method !== 'chat.postMessage') return { status: 200, body: handler(args, state) };
    const channel = normalizeChannel(String(args.channel));
    const window = limits.windowMs ?? 1000;
    const wait = Math.max(
      channelWindow.retryAfter(channel, limits.perChannelPerSecond, at, window),
      workspaceWindow.retryAfter('', limits.workspacePerSecond, at, window),
    );
    if (wait > 0) return ratelimited(wait);
    const body = handler(args, state);
    if (body.ok) {
      channelWindow.record(channel, at);
      workspaceWindow.record('', at);
    }
    return { status: 200, body };
  };

  const upload = (
    id: string,
    req: IncomingMessage,
    raw: Buffer,
    res: ServerResponse,
  ): Promise<void> | void => {
    const pending = state.uploads.get(id);
    if (!pending) return send(res, 404, { ok: false, error: 'file_not_found' });
    if (mediaType(req) !== 'multipart/form-data') {
      pending.content = raw;
      return send(res, 200, { ok: true });
    }
    // WebClient posts the bytes as a multipart form with a single file field.
    return new Response(raw, { headers: { 'content-type': String(req.headers['content-type']) } })
      .formData()
      .then(async (form) => {
        const file = [...form.values()].find((value) => typeof value !== 'string');
        pending.content = file ? Buffer.from(await file.arrayBuffer()) : raw;
        send(res, 200, { ok: true });
      });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const target = new URL(req.url ?? '/', state.origin);
    const uploadMatch = /^\/upload\/([A-Z0-9]+)$/.exec(target.pathname);
    if (req.method === 'POST' && uploadMatch?.[1]) return upload(uploadMatch[1], req, raw, res);
    const responseMatch = /^\/response\/([\w-]+)$/.exec(target.pathname);
    if (req.method === 'POST' && responseMatch?.[1]) {
      const id = responseMatch[1];
      responses.set(id, [
        ...(responses.get(id) ?? []),
        JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
      ]);
      return send(res, 200, { ok: true });
    }
    if (!target.pathname.startsWith('/api/')) return send(res, 404, { ok: false, error: 'not_found' });
    const method = target.pathname.slice('/api/'.length);
    const at = now();
    const parsed = await parseArgs(req, raw, target.searchParams);
    const args = 'args' in parsed ? parsed.args : {};
    await options.onReceive?.(method, args);
    const done =
      'args' in parsed
        ? answer(method, bearer(req) ?? parsed.formToken, args, at)
        : { status: 200, body: { ok: false, error: parsed.error } };
    const serverError = serverErrors.get(method)?.shift();
    const result =
      serverError === undefined
        ? done
        : { status: serverError, body: { ok: false, error: 'internal_error' } };
    const call: SlackDoubleCall = { method, args: structuredClone(args), at, status: result.status };
    if (!result.body.ok) call.error = result.body.error;
    if (method === 'apps.connections.open' && req.headers.authorization !== undefined) {
      call.authorization = req.headers.authorization;
    }
    calls.push(call);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    send(res, result.status, result.body, result.headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  for (const user of options.users ?? []) state.users.set(user.id, { ...user });

  return {
    url: `${state.origin}/api/`,
    calls,
    get files() {
      return structuredClone(state.files);
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    addUser: (user) => {
      state.users.set(user.id, { ...user });
    },
    rateLimit: (method, { retryAfterSeconds, times = 1 }) => {
      forcedLimits.set(method, { retryAfterSeconds, times });
    },
    failNext: (method, error) => {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    serverErrorAfter: (method, status = 500) => {
      serverErrors.set(method, [...(serverErrors.get(method) ?? []), status]);
    },
    setLimits: (next) => {
      limits = { ...next };
    },
    responseUrl: (id) => `${state.origin}/response/${id}`,
    responses: (id) => structuredClone(responses.get(id) ?? []),
    messages: (channel) => structuredClone(state.channels.get(normalizeChannel(channel)) ?? []),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
