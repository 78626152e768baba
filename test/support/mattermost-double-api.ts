import { randomBytes } from 'node:crypto';
import {
  commandProblem,
  dialogProblem,
  rolesGrant,
  rolesNamed,
  teamRolesGrant,
} from './mattermost-double-rules.js';

/** A member of the double's team. */
export interface MattermostDoubleUser {
  id: string;
  username: string;
  email: string;
  deleted?: boolean;
  /** Space-separated system roles, as `/users/{id}` gives them (`system_user` when unset). */
  roles?: string;
}

/** A post as the double keeps it (ephemeral ones are kept apart, with their recipient). */
export interface MattermostDoublePost {
  id: string;
  channel_id: string;
  user_id: string;
  message: string;
  root_id: string;
  file_ids: string[];
  props: Record<string, unknown>;
  edits: number;
  /** Milliseconds since the epoch, as the server stamps it. */
  create_at: number;
}

/** A slash command as `/api/v4/commands` keeps it. */
export interface MattermostDoubleCommand {
  id: string;
  team_id: string;
  trigger: string;
  url: string;
  method: string;
  token: string;
  creator_id: string;
  delete_at: number;
  [field: string]: unknown;
}

/** Everything the double knows. */
export interface DoubleState {
  bot: MattermostDoubleUser;
  /** The bot's roles in the team (`team_user team_admin` unless given). */
  botTeamRoles: string;
  team: { id: string; name: string };
  users: Map<string, MattermostDoubleUser>;
  channels: Map<string, { id: string; name: string; type: 'O' | 'D' | 'G' }>;
  posts: MattermostDoublePost[];
  ephemerals: { user_id: string; post: Record<string, unknown> }[];
  commands: MattermostDoubleCommand[];
  dialogs: { trigger_id: string; url: string; dialog: Record<string, unknown> }[];
  files: Map<string, { id: string; name: string; channel_id: string; content: string }>;
}

/** A 26-character Mattermost id. */
export const newId = (): string =>
  [...randomBytes(26)].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

/** An API answer: status and JSON body; `flagged` when the server would log the request as invalid. */
export interface Answer {
  status: number;
  body: unknown;
  flagged?: string;
}

const error = (status: number, id: string): Answer => ({
  status,
  body: { id, message: id, status_code: status, request_id: newId() },
});
const notFound = (what: string) => error(404, `app.${what}.missing.app_error`);
const ok = (body: unknown, status = 200): Answer => ({ status, body });

type Body = Record<string, unknown>;

/** `api4/command.go`: listing custom commands, creating and updating one need `manage_own_slash_commands`. */
const mayManageCommands = (state: DoubleState) =>
  teamRolesGrant(state.bot.roles ?? 'system_user', state.botTeamRoles, 'manage_own_slash_commands');
const forbidden = () => error(403, 'api.context.permissions.app_error');
type Handler = (state: DoubleState, params: string[], body: unknown, query: URLSearchParams) => Answer;

function post(state: DoubleState, body: Body): Answer {
  const channel = String(body.channel_id);
  if (!state.channels.has(channel)) return notFound('channel');
  const root = typeof body.root_id === 'string' ? body.root_id : '';
  if (root && !state.posts.some((p) => p.id === root))
    return error(400, 'api.post.create_post.root_id.app_error');
  const message = String(body.message);
  if (message.length > 16_383) return error(400, 'model.post.is_valid.message_length.app_error');
  const created: MattermostDoublePost = {
    id: newId(),
    channel_id: channel,
    user_id: state.bot.id,
    message,
    root_id: root,
    file_ids: Array.isArray(body.file_ids) ? body.file_ids.map(String) : [],
    props: typeof body.props === 'object' && body.props !== null ? (body.props as Body) : {},
    edits: 0,
    create_at: Date.now(),
  };
  state.posts.push(created);
  return ok(created, 201);
}

/** `METHOD template` → handler, for every operation the double answers (others: 501). */
export const HANDLERS: Record<string, Handler> = {
  'GET /api/v4/users/{user_id}': (state, [id]) => {
    const user = id === 'me' ? state.bot : state.users.get(id ?? '');
    return user
      ? ok({ ...user, roles: user.roles ?? 'system_user', delete_at: user.deleted ? 1 : 0 })
      : notFound('user');
  },
  'POST /api/v4/roles/names': (_state, _params, body) => ok(rolesNamed((body as unknown[]).map(String))),
  'GET /api/v4/users/email/{email}': (state, [email]) => {
    const user = [...state.users.values()].find((u) => u.email === decodeURIComponent(email ?? ''));
    return user ? ok({ ...user, delete_at: user.deleted ? 1 : 0 }) : notFound('user');
  },
  'GET /api/v4/teams/name/{team_name}': (state, [name]) =>
    name === state.team.name ? ok(state.team) : notFound('team'),
  'GET /api/v4/teams/{team_id}/channels/name/{channel_name}': (state, [team, name]) => {
    const channel = [...state.channels.values()].find((c) => c.name === name && c.type === 'O');
    return team === state.team.id && channel ? ok(channel) : notFound('channel');
  },
  'POST /api/v4/channels/direct': (state, _params, body) => {
    const ids = (body as string[]).map(String);
    if (ids.some((id) => id !== state.bot.id && !state.users.has(id))) return notFound('user');
    const name = [...ids].sort().join('__');
    const found = [...state.channels.values()].find((c) => c.name === name);
    if (found) return ok(found, 201);
    const channel = { id: newId(), name, type: 'D' as const };
    state.channels.set(channel.id, channel);
    return ok(channel, 201);
  },
  'POST /api/v4/channels/group': (state, _params, body) => {
    const ids = [...new Set((body as string[]).map(String))];
    // The server wants 3 to 8 members, the bot included: it posts there.
    if (ids.length < 3 || ids.length > 8) return error(400, 'api.channel.create_group.bad_size.app_error');
    if (ids.some((id) => id !== state.bot.id && !state.users.has(id))) return notFound('user');
    const name = [...ids].sort().join('__');
    const found = [...state.channels.values()].find((c) => c.name === name);
    if (found) return ok(found, 201);
    const channel = { id: newId(), name, type: 'G' as const };
    state.channels.set(channel.id, channel);
    return ok(channel, 201);
  },
  'POST /api/v4/posts': (state, _params, body) => post(state, body as Body),
  'POST /api/v4/posts/ephemeral': (state, _params, body) => {
    // api4/post.go createEphemeralPost: `create_post_ephemeral`, by default a system admin's only (model/role.go).
    if (!rolesGrant(state.bot.roles ?? 'system_user', 'create_post_ephemeral')) return forbidden();
    const { user_id, post: inner } = body as { user_id: string; post: Body };
    if (!state.channels.has(String(inner.channel_id))) return notFound('channel');
    const shown = { ...inner, id: newId() };
    state.ephemerals.push({ user_id, post: shown });
    return ok(shown, 201);
  },
  'PUT /api/v4/posts/{post_id}/patch': (state, [id], body) => {
    const found = state.posts.find((p) => p.id === id);
    if (!found) return notFound('post');
    const patch = body as Body;
    if (typeof patch.message === 'string') found.message = patch.message;
    if (typeof patch.props === 'object' && patch.props !== null) found.props = patch.props as Body;
    found.edits += 1;
    return ok(found);
  },
  'GET /api/v4/channels/{channel_id}/posts': (state, [channel], _body, query) => {
    if (!state.channels.has(channel ?? '')) return notFound('channel');
    const since = Number(query.get('since') ?? 0);
    const found = state.posts.filter((p) => p.channel_id === channel && p.create_at >= since).reverse();
    return ok({ order: found.map((p) => p.id), posts: Object.fromEntries(found.map((p) => [p.id, p])) });
  },
  'DELETE /api/v4/posts/{post_id}': (state, [id]) => {
    const index = state.posts.findIndex((p) => p.id === id);
    if (index < 0) return notFound('post');
    state.posts.splice(index, 1);
    return ok({ status: 'OK' });
  },
  'GET /api/v4/commands': (state, _params, _body, query) => {
    if (query.get('custom_only') === 'true' && !mayManageCommands(state)) return forbidden();
    return ok(state.commands.filter((c) => c.team_id === query.get('team_id') && c.delete_at === 0));
  },
  'POST /api/v4/commands': (state, _params, body) => {
    if (!mayManageCommands(state)) return forbidden();
    const problem = commandProblem(body as Body);
    if (problem) return error(400, problem);
    const command = {
      ...(body as Body),
      id: newId(),
      token: newId(),
      creator_id: state.bot.id,
      delete_at: 0,
    };
    state.commands.push(command as MattermostDoubleCommand);
    return ok(command, 201);
  },
  'PUT /api/v4/commands/{command_id}': (state, [id], body) => {
    if (!mayManageCommands(state)) return forbidden();
    const index = state.commands.findIndex((c) => c.id === id);
    const found = state.commands[index];
    if (!found) return notFound('command');
    const problem = commandProblem(body as Body);
    if (problem) return error(400, problem);
    // The token and the creator are the server's: an update cannot change them.
    state.commands[index] = { ...found, ...(body as Body), token: found.token, creator_id: found.creator_id };
    return ok(state.commands[index]);
  },
  'POST /api/v4/actions/dialogs/open': (state, _params, body) => {
    const open = body as DoubleState['dialogs'][number];
    if (!open.trigger_id.startsWith('trigger-')) return error(400, 'app.dialog.trigger_id.invalid');
    state.dialogs.push(open);
    const problem = dialogProblem(open.dialog);
    return { ...ok({ status: 'OK' }), ...(problem ? { flagged: problem } : {}) };
  },
};
