import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { z } from 'zod';
import type { MattermostButton } from './mattermost-shown.js';

export { asSlackMarkers, buttonsOfMm, readable, shownMm } from './mattermost-shown.js';

import { type BotOnDouble, startBotOnDouble } from './chat-e2e-boot.js';
import { freePort, type RunningCohorte, startCohorte } from './cohorte.js';
import {
  type MattermostDouble,
  type MattermostDoubleUser,
  startMattermostDouble,
} from './mattermost-double.js';

/** The roles of a bot made with the System Admin box checked: it may post ephemeral posts. */
export const SYSTEM_ADMIN_BOT = 'system_admin system_user';

/** The test people as Mattermost users of the double (same e-mails as on Slack). */
export const MM_PEOPLE = {
  claire: { id: 'claireid0000000000000000aa', username: 'claire', email: 'claire.dubois@beta.gouv.fr' },
  ines: { id: 'inesid000000000000000000aa', username: 'ines', email: 'ines.moreau@beta.gouv.fr' },
  thomas: { id: 'thomasid00000000000000000a', username: 'thomas', email: 'thomas.nguyen@beta.gouv.fr' },
  julien: { id: 'julienid00000000000000000a', username: 'julien', email: 'julien.garnier@justice.gouv.fr' },
  stranger: { id: 'strangerid000000000000000a', username: 'visiteur', email: 'visiteur@exemple.fr' },
} as const satisfies Record<string, MattermostDoubleUser>;

/** Public channels of the double: the community file's channels by name. */
export const MM_CHANNELS = {
  town: 'townsquareid00000000000000',
  lexiq: 'defilexiqid000000000000000',
  datapass: 'defidatapassid000000000000',
  carto: 'deficartoid000000000000000',
  signal: 'defisignalid00000000000000',
  community: 'communauteid00000000000000',
  coordination: 'coordinationid000000000000',
  alumni: 'eigalumniid000000000000000',
} as const;

const CHANNEL_NAMES: Record<string, string> = {
  [MM_CHANNELS.town]: 'town-square',
  [MM_CHANNELS.lexiq]: 'defi-lexiq',
  [MM_CHANNELS.datapass]: 'defi-datapass-sante',
  [MM_CHANNELS.carto]: 'defi-carto-eau',
  [MM_CHANNELS.signal]: 'defi-signal-conso-pro',
  [MM_CHANNELS.community]: 'eig-communaute',
  [MM_CHANNELS.coordination]: 'eig-coordination',
  [MM_CHANNELS.alumni]: 'eig-alumni',
};

/** The id of a public channel of the double by its community-file name (`#defi-lexiq`). */
export function mmChannelId(name: string): string {
  const id = Object.entries(CHANNEL_NAMES).find(([, n]) => n === name.replace(/^#/, ''))?.[0];
  if (!id) throw new Error(`no channel ${name} in the Mattermost double`);
  return id;
}

/** The Mattermost double and the real bot pointed at it. */
export type MattermostE2e = BotOnDouble<MattermostDouble>;

/** Starts the double with {@link MM_PEOPLE}, then the real Cohorte on it, its slash commands registered at boot. */
export async function startMattermostE2e(
  name: string,
  env: Record<string, string> = {},
  options: {
    users?: MattermostDoubleUser[];
    clock?: { now(): Date };
    communityFile?: string;
    /** The double's rate limit (requests per second), off by default as on a fresh server. */
    perSecond?: number;
    burst?: number;
    redisUrl?: string;
    /** The bot's system roles on the double (`system_user` by default, as a bot made without System Admin). */
    botRoles?: string;
  } = {},
): Promise<MattermostE2e> {
  const double = await startMattermostDouble({
    users: options.users ?? Object.values(MM_PEOPLE),
    channels: CHANNEL_NAMES,
    ...(options.botRoles ? { botRoles: options.botRoles } : {}),
    ...(options.perSecond ? { perSecond: options.perSecond, burst: options.burst ?? 100 } : {}),
  });
  const port = await freePort();
  return startBotOnDouble(double, () =>
    startCohorte({
      name,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.communityFile ? { communityFile: options.communityFile } : {}),
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      env: {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        MATTERMOST_URL: double.url,
        MATTERMOST_BOT_TOKEN: double.token,
        MATTERMOST_TEAM: 'eig',
        MATTERMOST_REQUESTS_PER_SECOND: '1000',
        ...env,
      },
    }),
  );
}

const RequestFixture = z.looseObject({
  headers: z.record(z.string(), z.string()),
  raw_body: z.string(),
});

/** The recorded slash-command request of Mattermost's docs (headers and raw body, byte for byte). */
export function recordedCommand(): z.infer<typeof RequestFixture> {
  const url = new URL('../fixtures/mattermost/slash_command_request.docs_example.json', import.meta.url);
  return RequestFixture.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/** What the bot answered: status, raw body, JSON (when JSON), content type and the time it took. */
export interface MattermostAnswer {
  status: number;
  raw: string;
  json: Record<string, unknown> | undefined;
  type: string;
  ms: number;
}

/**
 * POSTs a body to one of the bot's Mattermost endpoints as the server does, headers exactly as given (node:http:
 * `fetch` would rewrite Host, Content-Length and Accept-Encoding).
 */
export function postToBot(
  bot: RunningCohorte,
  path: 'command' | 'action' | 'dialog',
  body: string,
  headers: Record<string, string>,
): Promise<MattermostAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(`${bot.baseUrl}/mattermost/${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const type = res.headers['content-type'] ?? '';
        const json =
          type.includes('application/json') && raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
        resolve({ status: res.statusCode ?? 0, raw, json, type, ms: Date.now() - started });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

let triggers = 0;
/** A fresh trigger id, as the server hands one out with each command or click. */
export const nextTrigger = () => `trigger-${Date.now()}-${++triggers}`;

/**
 * Types `/<command> <text>` as `user` in `channel`: the recorded request's form, in its field order, with this
 * command's token (registered at boot) in the body and in `Authorization: Token …`, and the @-mentions the server
 * resolves in the text as repeated `user_mentions`/`user_mentions_ids` keys (`server/channels/app/command.go`).
 */
export function command(
  e2e: MattermostE2e,
  user: MattermostDoubleUser,
  text: string,
  options: {
    command?: string;
    channel?: string;
    responseId?: string;
    token?: string;
  } = {},
): Promise<MattermostAnswer> {
  const trigger = options.command ?? 'cohorte';
  const token = options.token ?? e2e.double.commands().find((c) => c.trigger === trigger)?.token ?? '';
  const recorded = recordedCommand();
  const form = new URLSearchParams(recorded.raw_body);
  const channel = options.channel ?? MM_CHANNELS.town;
  form.set('channel_id', channel);
  form.set('channel_name', CHANNEL_NAMES[channel] ?? 'town-square');
  form.set('command', `/${trigger}`);
  form.set('response_url', e2e.double.responseUrl(options.responseId ?? 'cmd'));
  form.set('team_domain', 'eig');
  form.set('team_id', e2e.double.teamId);
  form.set('text', text);
  form.set('token', token);
  form.set('trigger_id', nextTrigger());
  form.set('user_id', user.id);
  form.set('user_name', user.username);
  for (const [name, id] of e2e.double.mentionsIn(text)) {
    form.append('user_mentions', name);
    form.append('user_mentions_ids', id);
  }
  return postToBot(e2e.bot, 'command', form.toString(), {
    ...recorded.headers,
    Authorization: `Token ${token}`,
    'Content-Length': String(Buffer.byteLength(form.toString())),
    Host: new URL(e2e.bot.baseUrl).host,
  });
}

/** What a click gave: the server's answer to the client and, when the bot answered, its JSON acknowledgement. */
export interface MattermostClick {
  status: number;
  error?: string | undefined;
  json: Record<string, unknown> | undefined;
  /** How long the bot took to acknowledge. */
  ms: number;
  /** The post the acknowledgement's `update` replaced, if any. */
  updated?: string | undefined;
}

/**
 * `user` clicks `button`, and the double handles the click as the server does: on the stored post `postId`, or
 * else on the ephemeral post the button came with (a command's answer) in `channel`. `context` replaces the
 * button's own: one Cohorte no longer accepts (altered, or signed with a former token). The server sends a post's
 * context from its database or its encrypted cookie: only requests made outside it carry a forged one.
 */
export async function click(
  e2e: MattermostE2e,
  user: MattermostDoubleUser,
  button: MattermostButton,
  options: { channel?: string; postId?: string; context?: Record<string, unknown> } = {},
): Promise<MattermostClick> {
  const where = options.postId
    ? { postId: options.postId }
    : { ephemeral: { channel_id: options.channel ?? MM_CHANNELS.town } };
  const integration = { ...button.integration, context: options.context ?? button.integration.context };
  const done = await e2e.double.click(user, where, { integration });
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(done.integration.body) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: done.status, error: done.error, json, ms: done.integration.ms, updated: done.updated };
}

/** A dialog submission as the server posts it to the dialog's `url`. */
export function submitDialog(
  e2e: MattermostE2e,
  user: MattermostDoubleUser,
  opened: { url: string; dialog: Record<string, unknown> },
  submission: Record<string, string | null>,
  channel: string = MM_CHANNELS.town,
): Promise<MattermostAnswer> {
  const body = {
    type: 'dialog_submission',
    callback_id: opened.dialog.callback_id,
    state: opened.dialog.state,
    user_id: user.id,
    channel_id: channel,
    team_id: e2e.double.teamId,
    submission,
    cancelled: false,
  };
  return postToBot(e2e.bot, 'dialog', JSON.stringify(body), { 'content-type': 'application/json' });
}
