import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  createDoubleState,
  type DoubleState,
  EXTRA_REQUIRED,
  METHOD_HANDLERS,
  type MethodArgs,
  type MethodResult,
  normalizeChannel,
  type SlackDoubleFile,
  type SlackDoubleMessage,
  type SlackDoubleUser,
} from './slack-double-methods.js';

export type { SlackDoubleFile, SlackDoubleMessage, SlackDoubleUser } from './slack-double-methods.js';

/** chat.postMessage limits, over sliding one-second windows; an absent limit is not enforced. */
export interface SlackDoubleLimits {
  /** Slack allows about 1 message per second per channel. */
  perChannelPerSecond?: number;
  /** Slack also caps a workspace (several hundred per minute). */
  workspacePerSecond?: number;
}

/** One request to `/api/<method>`, as received (token removed, JSON-string arguments decoded). */
export interface SlackDoubleCall {
  method: string;
  args: Record<string, unknown>;
  /** Milliseconds since the epoch, from the double's clock. */
  at: number;
  /** HTTP status answered: 200, or 429 when rate limited. */
  status: number;
  /** The `error` answered, when `ok` was false. */
  error?: string;
}

/** Options of {@link startSlackDouble}. */
export interface SlackDoubleOptions {
  /** Users known from the start, as with {@link SlackDouble.addUser}. */
  users?: SlackDoubleUser[];
  /** chat.postMessage limits enforced from the start (none by default). */
  limits?: SlackDoubleLimits;
  /** The clock used for `at` and the rate-limit windows (default `Date.now`). */
  now?: () => number;
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
  /** Replaces the chat.postMessage limits. */
  setLimits(limits: SlackDoubleLimits): void;
  /** Messages currently in a channel (a user id means the DM with that user), oldest first, updates applied. */
  messages(channel: string): SlackDoubleMessage[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const SPEC_URL = new URL('../fixtures/slack/slack_web_api_subset.json', import.meta.url);
// Lenient on purpose: only the parameter names and `required` flags matter here.
const SpecSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        parameters: z.array(z.object({ name: z.string(), required: z.boolean().optional() })).optional(),
      }),
    ),
  ),
});

// JSON values that form bodies carry as strings (WebClient serialises every object that way).
const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

let requiredCache: Promise<Map<string, string[]>> | undefined;

/** Required parameters (token aside) per method, from Slack's OpenAPI subset plus {@link EXTRA_REQUIRED}. */
function loadRequired(): Promise<Map<string, string[]>> {
  requiredCache ??= readFile(SPEC_URL, 'utf8').then((text) => {
    const spec = SpecSchema.parse(JSON.parse(text));
    const required = new Map<string, string[]>(Object.entries(EXTRA_REQUIRED));
    for (const [path, operations] of Object.entries(spec.paths)) {
      const names = Object.values(operations).flatMap((operation) =>
        (operation.parameters ?? []).filter((p) => p.required && p.name !== 'token').map((p) => p.name),
      );
      const method = path.replace(/^\//, '');
      required.set(method, [...new Set([...(required.get(method) ?? []), ...names])]);
    }
    return required;
  });
  return requiredCache;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

type Parsed = { args: MethodArgs; formToken: string | undefined } | { error: string };

async function parseArgs(req: IncomingMessage, raw: Buffer, query: URLSearchParams): Promise<Parsed> {
  const args: MethodArgs = Object.fromEntries(query);
  const type = mediaType(req);
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      return { error: 'invalid_json' };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'json_not_object' };
    Object.assign(args, body);
  } else if (type === 'multipart/form-data') {
    const form = await new Response(raw, { headers: { 'content-type': String(req.headers['content-type']) } })
      .formData()
      .catch(() => undefined);
    if (!form) return { error: 'invalid_form_data' };
    for (const [key, value] of form) args[key] = typeof value === 'string' ? value : await value.text();
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }
  // Slack reads the token from a form field too, never from a JSON body.
  const formToken = type !== 'application/json' && typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  for (const key of JSON_ARGS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Left as a string: the method answers the way Slack does for a malformed value.
    }
  }
  return { args, formToken };
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Timestamps of accepted posts inside a sliding one-second window. */
class SlidingWindow {
  private readonly stamps = new Map<string, number[]>();

  /** Seconds to wait before `key` may post again under `limit`, or 0 when it may post now. */
  retryAfter(key: string, limit: number | undefined, now: number): number {
    if (limit === undefined) return 0;
    const recent = (this.stamps.get(key) ?? []).filter((stamp) => stamp > now - 1000);
    this.stamps.set(key, recent);
    const oldest = recent[recent.length - limit];
    return recent.length >= limit && oldest !== undefined
      ? Math.max(1, Math.ceil((oldest + 1000 - now) / 1000))
      : 0;
  }

  record(key: string, now: number): void {
    this.stamps.set(key, [...(this.stamps.get(key) ?? []), now]);
  }
}

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
  const channelWindow = new SlidingWindow();
  const workspaceWindow = new SlidingWindow();
  let limits: SlackDoubleLimits = { ...options.limits };
  const state: DoubleState = createDoubleState('');

  const answer = (method: string, token: string | undefined, args: MethodArgs, at: number): Answer => {
    const handler = METHOD_HANDLERS[method];
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
    const wait = Math.max(
      channelWindow.retryAfter(channel, limits.perChannelPerSecond, at),
      workspaceWindow.retryAfter('', limits.workspacePerSecond, at),
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
    if (!target.pathname.startsWith('/api/')) return send(res, 404, { ok: false, error: 'not_found' });
    const method = target.pathname.slice('/api/'.length);
    const at = now();
    const parsed = await parseArgs(req, raw, target.searchParams);
    const args = 'args' in parsed ? parsed.args : {};
    const result =
      'args' in parsed
        ? answer(method, bearer(req) ?? parsed.formToken, args, at)
        : { status: 200, body: { ok: false, error: parsed.error } };
    const call: SlackDoubleCall = { method, args: structuredClone(args), at, status: result.status };
    if (!result.body.ok) call.error = result.body.error;
    calls.push(call);
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
    setLimits: (next) => {
      limits = { ...next };
    },
    messages: (channel) => structuredClone(state.channels.get(normalizeChannel(channel)) ?? []),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
