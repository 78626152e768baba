import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ClickedPost,
  type DoubleButton,
  doPostAction,
  type ServerClick,
} from './mattermost-double-actions.js';
import {
  type Answer,
  type DoubleState,
  HANDLERS,
  type MattermostDoubleCommand,
  type MattermostDoublePost,
  type MattermostDoubleUser,
  newId,
} from './mattermost-double-api.js';
import { mentionsIn } from './mattermost-double-rules.js';
import { bodyProblem, findOperation, loadOperations } from './mattermost-double-spec.js';
import { readBody } from './slack-double-http.js';

export type { ClickedPost, ServerClick } from './mattermost-double-actions.js';
export type {
  MattermostDoubleCommand,
  MattermostDoublePost,
  MattermostDoubleUser,
} from './mattermost-double-api.js';

/** One request to `/api/v4/…`, as received. */
export interface MattermostDoubleCall {
  method: string;
  /** The path without its query, e.g. `/api/v4/posts`. */
  path: string;
  /** The spec's template it matched (`/api/v4/users/{user_id}`), or '' for none. */
  template: string;
  body: unknown;
  at: number;
  status: number;
}

/** Options of {@link startMattermostDouble}. */
export interface MattermostDoubleOptions {
  users?: MattermostDoubleUser[];
  /** Public channels (id → name) of the team. */
  channels?: Record<string, string>;
  team?: string;
  /** Requests per second per client, as the server's rate limiter when it is on (off by default). */
  perSecond?: number;
  /** The limiter's burst (the server's MaxBurst, 100 by default); its bucket starts full. */
  burst?: number;
  /** The bot's system roles: `system_user` (a bot made without the System Admin box) unless given. */
  botRoles?: string;
  /** The bot's roles in the team: `team_user team_admin` (what registering commands needs) unless given. */
  botTeamRoles?: string;
}

/** A running Mattermost REST double: a real HTTP server on 127.0.0.1 that records every call. */
export interface MattermostDouble {
  /** The server address, for MATTERMOST_URL. */
  readonly url: string;
  /** The bot's token the double accepts (Bearer). */
  readonly token: string;
  readonly bot: MattermostDoubleUser;
  readonly teamId: string;
  readonly calls: MattermostDoubleCall[];
  /**
   * Calls the spec does not describe, whose body misses a required field, or that the server's own validation
   * flags while accepting them (a dialog `Dialog.IsValid` refuses is logged, then opened): a test expects none.
   */
  readonly offSpec: (MattermostDoubleCall & { flagged?: string })[];
  callsTo(method: string, template: string): MattermostDoubleCall[];
  /** Posts in a channel, oldest first, with updates applied. */
  posts(channel?: string): MattermostDoublePost[];
  /** Ephemeral posts, oldest first. */
  ephemerals(): DoubleState['ephemerals'];
  commands(): MattermostDoubleCommand[];
  /** Adds a slash command as someone else (another integration) would have made it; returns it. */
  seedCommand(fields: { trigger: string; url: string; creator_id: string }): MattermostDoubleCommand;
  dialogs(): DoubleState['dialogs'];
  files(): { id: string; name: string; channel_id: string; content: string }[];
  /** The id of the DM channel between the bot and a user, once opened. */
  dmWith(userId: string): string | undefined;
  /** The next `times` API calls (default 1) answer 429 with the rate-limit headers. */
  rateLimit(options: { resetSeconds: number; times?: number; retryAfter?: boolean }): void;
  /** `user` clicks `button` on a post, and the server handles the click as `DoPostActionWithCookie` does. */
  click(user: MattermostDoubleUser, where: ClickedPost, button: DoubleButton): Promise<ServerClick>;
  /** The `user_mentions`/`user_mentions_ids` pairs the server adds to a command typed with this text. */
  mentionsIn(text: string): [name: string, id: string][];
  /** A `response_url` served by the double, as the server hands one out with each command. */
  responseUrl(id: string): string;
  responses(id: string): Record<string, unknown>[];
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/**
 * Starts a Mattermost REST API v4 double. Every request is checked against the OpenAPI subset of
 * `test/fixtures/mattermost/mattermost_api_subset.yaml`: an unknown path or method answers 404, a body missing a
 * field the spec requires answers 400 (both recorded in `offSpec`). It checks the bot's Bearer token (401
 * otherwise), keeps users, channels, posts, commands, dialogs and files, and can answer 429 with
 * `X-RateLimit-*` headers, on demand or, like the server's limiter, past `perSecond` with a `burst`. It checks
 * what the server checks (`test/support/mattermost-double-rules.ts`: permissions by role, command and dialog limits
 * in bytes) and handles clicks as the server does (`test/support/mattermost-double-actions.ts`).
 */
export async function startMattermostDouble(
  options: MattermostDoubleOptions = {},
): Promise<MattermostDouble> {
  const operations = await loadOperations();
  const token = newId();
  const bot = {
    id: newId(),
    username: 'cohorte',
    email: 'cohorte@bots.local',
    roles: options.botRoles ?? 'system_user',
  };
  const state: DoubleState = {
    bot,
    team: { id: newId(), name: options.team ?? 'eig' },
    botTeamRoles: options.botTeamRoles ?? 'team_user team_admin',
    users: new Map((options.users ?? []).map((u) => [u.id, { ...u }])),
    channels: new Map(
      Object.entries(options.channels ?? {}).map(([id, name]) => [id, { id, name, type: 'O' as const }]),
    ),
    posts: [],
    ephemerals: [],
    commands: [],
    dialogs: [],
    files: new Map(),
  };
  const calls: MattermostDoubleCall[] = [];
  const offSpec: MattermostDouble['offSpec'] = [];
  const responses = new Map<string, Record<string, unknown>[]>();
  // The server's limiter: a token bucket per client, refilled at `perSecond`, holding at most `burst`.
  const rate = options.perSecond;
  const burst = options.burst ?? 100;
  let bucket = { tokens: burst, at: Date.now() };
  const take = (at: number): number => {
    if (rate === undefined) return 0;
    bucket = { tokens: Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * rate), at };
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
  };
  let forced: { resetSeconds: number; times: number; retryAfter: boolean } | undefined;
  let origin = '';

  const limited = (reset: number, retryAfter: boolean) => ({
    'x-ratelimit-limit': String(options.perSecond ?? 10),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(reset),
    ...(retryAfter ? { 'retry-after': String(reset) } : {}),
  });

  async function upload(req: IncomingMessage, raw: Buffer): Promise<Answer> {
    const form = await new Response(raw, { headers: { 'content-type': String(req.headers['content-type']) } })
      .formData()
      .catch(() => undefined);
    const channel = form?.get('channel_id');
    const file = form?.get('files');
    if (typeof channel !== 'string' || !file || typeof file === 'string') {
      return { status: 400, body: { id: 'api.file.upload_file.bad_request' } };
    }
    if (!state.channels.has(channel)) return { status: 404, body: { id: 'app.channel.missing.app_error' } };
    const stored = { id: newId(), name: file.name, channel_id: channel, content: await file.text() };
    state.files.set(stored.id, stored);
    return { status: 201, body: { file_infos: [{ id: stored.id, name: stored.name }], client_ids: [] } };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer, at: number) {
    const method = req.method ?? 'GET';
    const operation = findOperation(operations, method, url.pathname);
    const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
    let body: unknown;
    try {
      body = isJson && raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      body = undefined;
    }
    const call: MattermostDoubleCall = {
      method,
      path: url.pathname,
      template: operation?.template ?? '',
      body,
      at,
      status: 0,
    };
    calls.push(call);
    const answer = (status: number, payload: unknown, headers?: Record<string, string>) => {
      call.status = status;
      send(res, status, payload, headers);
    };
    if (req.headers.authorization !== `Bearer ${token}`) {
      return answer(401, { id: 'api.context.session_expired.app_error', status_code: 401 });
    }
    if (!operation) {
      offSpec.push(call);
      return answer(404, { id: 'api.context.404.app_error', status_code: 404 });
    }
    const problem = isJson || operation.body ? bodyProblem(operation.body, body) : undefined;
    if (problem) {
      offSpec.push(call);
      return answer(400, {
        id: 'api.context.invalid_body_param.app_error',
        message: problem,
        status_code: 400,
      });
    }
    if (forced) {
      const { resetSeconds, retryAfter } = forced;
      forced.times -= 1;
      if (forced.times <= 0) forced = undefined;
      return answer(429, 'limit exceeded', limited(resetSeconds, retryAfter));
    }
    const wait = take(at);
    if (wait > 0) return answer(429, 'limit exceeded', limited(wait, false));
    const params = [...url.pathname.matchAll(/[^/]+/g)].map((m) => m[0]);
    const templateParts = operation.template.split('/').filter(Boolean);
    const values = templateParts.flatMap((part, i) => (part.startsWith('{') ? [params[i] ?? ''] : []));
    const handler = HANDLERS[`${method} ${operation.template}`];
    const result =
      operation.template === '/api/v4/files'
        ? await upload(req, raw)
        : handler
          ? handler(state, values, body, url.searchParams)
          : { status: 501, body: { id: 'double.not_implemented' } };
    answer(result.status, result.body);
    if ('flagged' in result && result.flagged) offSpec.push({ ...call, flagged: result.flagged });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', origin);
      const hook = /^\/hooks\/commands\/([\w-]+)$/.exec(url.pathname);
      if (req.method === 'POST' && hook?.[1]) {
        responses.set(hook[1], [...(responses.get(hook[1]) ?? []), JSON.parse(raw.toString('utf8'))]);
        return send(res, 200, {});
      }
      if (!url.pathname.startsWith('/api/v4/')) return send(res, 404, {});
      await api(req, res, url, raw, Date.now());
    })().catch((error: unknown) => send(res, 500, { id: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    token,
    bot,
    teamId: state.team.id,
    calls,
    offSpec,
    callsTo: (method, template) =>
      calls.filter((c) => c.method === method && c.template === `/api/v4${template}`),
    posts: (channel) => structuredClone(state.posts.filter((p) => !channel || p.channel_id === channel)),
    ephemerals: () => structuredClone(state.ephemerals),
    commands: () => structuredClone(state.commands),
    seedCommand: (fields) => {
      const command = {
        ...fields,
        id: newId(),
        team_id: state.team.id,
        method: 'P',
        token: newId(),
        delete_at: 0,
      };
      state.commands.push(command);
      return structuredClone(command);
    },
    dialogs: () => structuredClone(state.dialogs),
    files: () => structuredClone([...state.files.values()]),
    dmWith: (userId) =>
      [...state.channels.values()].find((c) => c.name === [bot.id, userId].sort().join('__'))?.id,
    rateLimit: ({ resetSeconds, times = 1, retryAfter = true }) => {
      forced = { resetSeconds, times, retryAfter };
    },
    click: (user, where, button) => doPostAction(state, user, where, button),
    mentionsIn: (text) => mentionsIn(text, [...state.users.values()]),
    responseUrl: (id) => `${origin}/hooks/commands/${id}`,
    responses: (id) => structuredClone(responses.get(id) ?? []),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
