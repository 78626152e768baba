import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type BotOnDouble, startBotOnDouble } from './chat-e2e-boot.js';
import { type RunningCohorte, SIGNING_SECRET, startCohorte } from './cohorte.js';
import { type SlackDouble, type SlackDoubleUser, startSlackDouble } from './slack-double.js';
import { postSigned } from './slack-sign.js';
import { waitFor } from './wait.js';

/** The test people: Slack ids of the double, e-mails from `test/fixtures/community.yml`. */
export const PEOPLE = {
  claire: { id: 'U0CLAIRE', email: 'claire.dubois@beta.gouv.fr', name: 'Claire Dubois' },
  ines: { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' },
  thomas: { id: 'U0THOMAS', email: 'thomas.nguyen@beta.gouv.fr', name: 'Thomas Nguyen' },
  // A workspace member whom the community file does not know.
  stranger: { id: 'U0STRANGER', email: 'visiteur@exemple.fr', name: 'Visiteur' },
} as const satisfies Record<string, SlackDoubleUser>;

/** The Slack double and the real bot pointed at it. */
export type SlackE2e = BotOnDouble<SlackDouble>;

/** Starts the Slack Web API double with {@link PEOPLE}, then the real Cohorte on it (`env` overrides its config). */
export async function startSlackE2e(name: string, env: Record<string, string> = {}): Promise<SlackE2e> {
  const double = await startSlackDouble({ users: Object.values(PEOPLE) });
  return startBotOnDouble(double, () => startCohorte({ name, slackApiUrl: double.url, env }));
}

const FixtureSchema = z.looseObject({ payload: z.record(z.string(), z.unknown()) });

/** The `payload` of a recorded Slack request in `test/fixtures/slack/` (a fresh copy each time). */
export function fixturePayload(file: string): Record<string, unknown> {
  const url = new URL(`../fixtures/slack/${file}`, import.meta.url);
  return FixtureSchema.parse(JSON.parse(readFileSync(url, 'utf8'))).payload;
}

/**
 * A `/cohorte` form body built on the recorded bolt-python slash command: its fields kept (team, enterprise,
 * channel, trigger), the user, text, command and response URL replaced.
 */
export function cohorteBody(userId: string, text: string, responseUrl: string): string {
  const fields = Object.entries(fixturePayload('slash_command.bolt-python.json')).map(
    ([key, value]) => [key, String(value)] as [string, string],
  );
  const body = new URLSearchParams(fields);
  body.set('user_id', userId);
  body.set('user_name', userId.toLowerCase());
  body.set('command', '/cohorte');
  body.set('text', text);
  body.set('response_url', responseUrl);
  return body.toString();
}

/** What the bot answered over HTTP: status, raw body, parsed JSON (when JSON) and the time it took. */
export interface SlackAnswer {
  status: number;
  raw: string;
  json: Record<string, unknown> | undefined;
  ms: number;
}

/** POSTs a body signed as Slack signs it to `/slack/events` and times the answer. */
export async function postToBot(bot: RunningCohorte, body: string): Promise<SlackAnswer> {
  const started = Date.now();
  const res = await postSigned(`${bot.baseUrl}/slack/events`, body, { secret: SIGNING_SECRET });
  const raw = await res.text();
  const ms = Date.now() - started;
  const json = res.headers.get('content-type')?.includes('application/json')
    ? z.record(z.string(), z.unknown()).parse(JSON.parse(raw))
    : undefined;
  return { status: res.status, raw, json, ms };
}

/** Types `/cohorte <text>` as the Slack user `userId`; later replies go to `double.responseUrl(responseId)`. */
export function command(
  e2e: SlackE2e,
  userId: string,
  text: string,
  responseId = 'cmd',
): Promise<SlackAnswer> {
  return postToBot(e2e.bot, cohorteBody(userId, text, e2e.double.responseUrl(responseId)));
}

const TextObject = z.looseObject({ text: z.string() });
const BlockSchema = z.looseObject({
  type: z.string(),
  text: TextObject.optional(),
  fields: z.array(TextObject).optional(),
  elements: z.array(z.looseObject({ text: z.union([z.string(), TextObject]).optional() })).optional(),
});
const MessageSchema = z.looseObject({ blocks: z.array(BlockSchema).default([]) });

/** Every text a person sees in a message's blocks (sections, fields, context, button labels), one per line. */
export function shown(message: unknown): string {
  const { blocks } = MessageSchema.parse(message);
  return blocks
    .flatMap((b) => [
      b.text?.text,
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text?.text)),
    ])
    .filter((text): text is string => text !== undefined)
    .join('\n');
}

const ButtonSchema = z.looseObject({
  type: z.literal('button'),
  action_id: z.string(),
  value: z.string(),
  text: TextObject,
});

/** The buttons of a message, as Slack shows them: label, action id and value. */
export function buttonsOf(message: unknown): { label: string; actionId: string; value: string }[] {
  return MessageSchema.parse(message)
    .blocks.filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ButtonSchema.parse(e))
    .map((b) => ({ label: b.text.text, actionId: b.action_id, value: b.value }));
}

/**
 * A click on a button, as Slack posts it: the recorded bolt-python `block_actions` payload with this user,
 * action and response URL, form-encoded as `payload=<json>`.
 */
export function clickBody(
  userId: string,
  action: { actionId: string; value: string },
  responseUrl: string,
): string {
  const payload = fixturePayload('block_actions.bolt-python.json');
  const user = z.record(z.string(), z.unknown()).parse(payload.user);
  const [recorded] = z.array(z.record(z.string(), z.unknown())).parse(payload.actions);
  payload.user = { ...user, id: userId, username: userId.toLowerCase(), name: userId.toLowerCase() };
  payload.response_url = responseUrl;
  payload.actions = [{ ...recorded, action_id: action.actionId, value: action.value }];
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * Clicks as Slack does (`responseId` names the click's response URL) and waits for the first reply posted there:
 * resolves with the acknowledgement and that reply.
 */
export async function clickAndReply(
  e2e: { bot: RunningCohorte; double: SlackDouble },
  userId: string,
  button: { actionId: string; value: string },
  responseId: string,
): Promise<{ ack: SlackAnswer; reply: Record<string, unknown> }> {
  const ack = await postToBot(e2e.bot, clickBody(userId, button, e2e.double.responseUrl(responseId)));
  if (ack.status !== 200) throw new Error(`click refused: ${ack.status} ${ack.raw}`);
  await waitFor(() => e2e.double.responses(responseId).length > 0, 8000, `a reply to ${userId}'s click`);
  return { ack, reply: e2e.double.responses(responseId)[0] ?? {} };
}
