import { createHash } from 'node:crypto';
import { blocksValid } from './slack-double-blocks.js';

/** A workspace member known to the double. */
export interface SlackDoubleUser {
  id: string;
  email: string;
  name: string;
  deleted?: boolean;
}

/** A message as it stands in a channel of the double (updates applied, deletions removed). */
export interface SlackDoubleMessage {
  channel: string;
  ts: string;
  text: string;
  user: string;
  bot_id: string;
  thread_ts?: string;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
  files?: { id: string; name: string; title: string }[];
  edited?: { user: string; ts: string };
}

/** A file completed through `files.getUploadURLExternal` + upload + `files.completeUploadExternal`. */
export interface SlackDoubleFile {
  id: string;
  name: string;
  title: string;
  channel: string | null;
  content: string;
  initialComment: string | null;
}

/** A file announced by `files.getUploadURLExternal`, whose bytes may have arrived. */
export interface PendingUpload {
  id: string;
  filename: string;
  length: number;
  content: Buffer | null;
}

/** The double's mutable workspace, shared by the server and the method handlers. */
export interface DoubleState {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  users: Map<string, SlackDoubleUser>;
  channels: Map<string, SlackDoubleMessage[]>;
  views: Map<string, Record<string, unknown>>;
  usedTriggers: Set<string>;
  openedConversations: Set<string>;
  /** Channels (`C…`) the bot is a member of: joined with conversations.join. */
  joined: Set<string>;
  uploads: Map<string, PendingUpload>;
  files: SlackDoubleFile[];
  /** Microseconds of the last ts handed out (each ts is unique and increasing). */
  tsSeq: number;
  /** The double's clock, in milliseconds since the epoch. */
  now: () => number;
  idSeq: number;
}

/** A Web API answer body: `{ ok: true, ... }` or `{ ok: false, error }`. */
export type MethodResult = { ok: boolean; error?: string } & Record<string, unknown>;

/** Arguments of a call, after form/JSON decoding (token removed). */
export type MethodArgs = Record<string, unknown>;

/** Answers one Web API method from its decoded arguments, reading and changing the workspace. */
export type MethodHandler = (args: MethodArgs, state: DoubleState) => MethodResult;

/** The double's workspace id. */
export const TEAM_ID = 'T0001';
/** The bot's user id, as auth.test answers it. */
export const BOT_USER_ID = 'UBOT';
/** The bot id, as auth.test answers it. */
export const BOT_ID = 'B0001';
// Slack's documented caps: 50 blocks per message, 100 attachments, 40,000 characters.
const MAX_MESSAGE_BLOCKS = 50;
const MAX_ATTACHMENTS = 100;
const MAX_TEXT = 40_000;

/** Parameters Slack requires for methods that the 2020 spec subset does not describe (or marks optional). */
export const EXTRA_REQUIRED: Record<string, string[]> = {
  'chat.delete': ['channel', 'ts'],
  'views.update': ['view'],
  'files.getUploadURLExternal': ['filename', 'length'],
  'files.completeUploadExternal': ['files'],
  'conversations.history': ['channel'],
  'conversations.join': ['channel'],
};

/** Creates an empty workspace for a server listening at `origin`. */
export function createDoubleState(origin: string, now: () => number = Date.now): DoubleState {
  return {
    origin,
    users: new Map(),
    channels: new Map(),
    views: new Map(),
    usedTriggers: new Set(),
    openedConversations: new Set(),
    joined: new Set(),
    uploads: new Map(),
    files: [],
    tsSeq: 0,
    now,
    idSeq: 0,
  };
}

/** Slack accepts a user id as `channel` and posts into the DM with that user, whose id it answers with. */
export function normalizeChannel(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
}

/** A refusal, `{ ok: false, error }`. */
export const fail = (error: string): MethodResult => ({ ok: false, error });

/** A scalar argument as a string (form bodies carry strings, JSON bodies may not). */
export function str(args: MethodArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The next message ts: the double's time like Slack's (`1700000000.000100`), unique and increasing. */
export function nextTs(state: DoubleState): string {
  state.tsSeq = Math.max(state.now() * 1000, state.tsSeq + 1);
  const micros = state.tsSeq;
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** The next object id with a Slack-like prefix (`V…`, `F…`). */
export function nextId(state: DoubleState, prefix: string): string {
  state.idSeq += 1;
  return `${prefix}${String(state.idSeq).padStart(8, '0')}`;
}

function userJson(user: SlackDoubleUser): Record<string, unknown> {
  return {
    id: user.id,
    team_id: TEAM_ID,
    name: user.name,
    real_name: user.name,
    deleted: user.deleted ?? false,
    is_bot: false,
    profile: { email: user.email, real_name: user.name, display_name: user.name },
  };
}

/** A stored message as the Web API answers it (without its channel). */
export function messageJson(message: SlackDoubleMessage): Record<string, unknown> {
  const { channel: _channel, ...rest } = message;
  return { type: 'message', team: TEAM_ID, ...structuredClone(rest) };
}

type Content = Pick<SlackDoubleMessage, 'text' | 'blocks' | 'attachments' | 'metadata'>;

/** Checks text/blocks/attachments the way Slack does before posting or updating a message. */
function messageContent(args: MethodArgs): Content | MethodResult {
  const text = str(args, 'text');
  const { blocks, attachments, metadata } = args;
  if (!text && blocks === undefined && attachments === undefined) return fail('no_text');
  if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_blocks_format');
  if (Array.isArray(blocks) && (blocks.length > MAX_MESSAGE_BLOCKS || !blocksValid(blocks)))
    return fail('invalid_blocks');
  if (Array.isArray(attachments) && attachments.length > MAX_ATTACHMENTS) return fail('too_many_attachments');
  if (text && text.length > MAX_TEXT) return fail('msg_too_long');
  return { text: text ?? '', blocks, attachments, metadata };
}

/** Whether a helper answered a refusal instead of a value. */
export function isFailure<T extends object>(value: T | MethodResult): value is MethodResult {
  return 'ok' in value && value.ok === false;
}

function findMessage(args: MethodArgs, state: DoubleState): SlackDoubleMessage | MethodResult {
  const channel = normalizeChannel(str(args, 'channel') ?? '');
  if (channel.startsWith('CMISSING')) return fail('channel_not_found');
  const found = state.channels.get(channel)?.find((message) => message.ts === str(args, 'ts'));
  return found ?? fail('message_not_found');
}

/** Stores a bot message at the end of its channel and returns it. */
export function post(state: DoubleState, message: Omit<SlackDoubleMessage, 'ts' | 'user' | 'bot_id'>) {
  const stored: SlackDoubleMessage = { ...message, ts: nextTs(state), user: BOT_USER_ID, bot_id: BOT_ID };
  for (const key of ['blocks', 'attachments', 'metadata', 'thread_ts'] as const) {
    if (stored[key] === undefined) delete stored[key];
  }
  const list = state.channels.get(stored.channel) ?? [];
  list.push(stored);
  state.channels.set(stored.channel, list);
  return stored;
}

/** One handler per implemented Web API method, answering as Slack does. */
export const METHOD_HANDLERS: Record<string, MethodHandler> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://cohorte.slack.com/',
    team: 'Cohorte',
    user: 'cohorte',
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
  }),
  'users.lookupByEmail': (args, state) => {
    const email = str(args, 'email')?.toLowerCase();
    const user = [...state.users.values()].find((candidate) => candidate.email.toLowerCase() === email);
    return user ? { ok: true, user: userJson(user) } : fail('users_not_found');
  },
  'users.info': (args, state) => {
    const user = state.users.get(str(args, 'user') ?? '');
    return user ? { ok: true, user: userJson(user) } : fail('user_not_found');
  },
  'users.list': (_args, state) => ({
    ok: true,
    members: [...state.users.values()].map(userJson),
    response_metadata: { next_cursor: '' },
  }),
  'conversations.open': (args, state) => {
    const raw = args.users;
    const ids = (Array.isArray(raw) ? raw.map(String) : (str(args, 'users') ?? '').split(','))
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0) {
      const channel = str(args, 'channel');
      if (channel === undefined) return fail('users_list_not_supplied');
      return state.openedConversations.has(channel)
        ? { ok: true, channel: { id: channel } }
        : fail('channel_not_found');
    }
    if (ids.length > 8) return fail('too_many_users');
    for (const id of ids) {
      const user = state.users.get(id);
      if (!user) return fail('user_not_found');
      if (user.deleted) return fail('user_disabled');
    }
    const sorted = [...new Set(ids)].sort();
    const single = sorted.length === 1 ? sorted[0] : undefined;
    const id = single
      ? `D${single}`
      : `G${createHash('sha1').update(sorted.join(',')).digest('hex').slice(0, 10).toUpperCase()}`;
    const alreadyOpen = state.openedConversations.has(id);
    state.openedConversations.add(id);
    const channel = single
      ? { id, is_im: true, is_mpim: false, user: single }
      : { id, is_im: false, is_mpim: true };
    return { ok: true, no_op: alreadyOpen, already_open: alreadyOpen, channel };
  },
  'conversations.info': (args) => {
    const channel = str(args, 'channel') ?? '';
    return channel === '' || channel.startsWith('CMISSING')
      ? fail('channel_not_found')
      : { ok: true, channel: { id: channel } };
  },
  'chat.postMessage': (args, state) => {
    const channel = normalizeChannel(str(args, 'channel') ?? '');
    if (channel.startsWith('CMISSING')) return fail('channel_not_found');
    const content = messageContent(args);
    if (isFailure(content)) return content;
    const stored = post(state, { channel, thread_ts: str(args, 'thread_ts'), ...content });
    return { ok: true, channel, ts: stored.ts, message: messageJson(stored) };
  },
  'chat.postEphemeral': (args, state) => {
    if ((str(args, 'channel') ?? '').startsWith('CMISSING')) return fail('channel_not_found');
    const content = messageContent(args);
    return isFailure(content) ? content : { ok: true, message_ts: nextTs(state) };
  },
  'chat.update': (args, state) => {
    const message = findMessage(args, state);
    if (isFailure(message)) return message;
    const content = messageContent(args);
    if (isFailure(content)) return content;
    message.text = content.text;
    for (const key of ['blocks', 'attachments', 'metadata'] as const) {
      if (content[key] !== undefined) message[key] = content[key];
    }
    message.edited = { user: BOT_USER_ID, ts: nextTs(state) };
    return {
      ok: true,
      channel: message.channel,
      ts: message.ts,
      text: message.text,
      message: messageJson(message),
    };
  },
  'chat.delete': (args, state) => {
    const message = findMessage(args, state);
    if (isFailure(message)) return message;
    const list = state.channels.get(message.channel) ?? [];
    state.channels.set(
      message.channel,
      list.filter((candidate) => candidate !== message),
    );
    return { ok: true, channel: message.channel, ts: message.ts };
  },
};
