import { z } from 'zod';
import type { ActionInvocation, CommandInvocation } from '../../core/handler.js';
import { contextParts } from './mattermost-render.js';
import type { Signer } from './mattermost-sign.js';

// Lenient: real requests carry more fields than the docs list.
const CommandSchema = z.looseObject({
  command: z.string().startsWith('/'),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().default(''),
  trigger_id: z.string().default(''),
  response_url: z.string().default(''),
});

/** A parsed slash-command request: the core's invocation plus what the adapter needs to answer. */
export interface MattermostCommand {
  invocation: CommandInvocation;
  trigger: string;
  triggerId: string;
  responseUrl: string;
}

/**
 * A slash-command form body as the core's invocation. Each `@username` Mattermost resolved becomes the neutral
 * `<@id>` token the core resolves to an e-mail. The server (`server/channels/app/command.go`,
 * `MentionsToTeamMembers`; `public/model/mention_map.go`) sends one `user_mentions`/`user_mentions_ids` pair of
 * repeated keys per mention, in no particular order, each name lower-cased and stripped of the trailing `.`, `-`
 * or `_` it found no one with: `@Alice.` as typed arrives as `alice`, and is matched as typed.
 */
export function translateCommand(form: URLSearchParams): MattermostCommand {
  const c = CommandSchema.parse(Object.fromEntries(form));
  const names = form.getAll('user_mentions');
  const ids = form.getAll('user_mentions_ids');
  let text = c.text;
  names.forEach((name, i) => {
    const id = ids[i];
    if (!id || !/^[A-Za-z0-9]+$/.test(id)) return;
    const escaped = name.replace(/^@/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // As the server reads mentions: an @ no letter, digit or _ precedes, the name in any case, then any of its
    // trailing . - _ (the server stripped them to find the person).
    const typed = new RegExp(`(^|[^A-Za-z0-9_])@${escaped}[.\\-_]*(?=$|[^A-Za-z0-9.\\-_:])`, 'gi');
    text = text.replace(typed, `$1<@${id}>`);
  });
  const trigger = c.command.slice(1).toLowerCase();
  return {
    invocation: {
      user: { platform: 'mattermost', id: c.user_id },
      command: trigger,
      text,
      channel: c.channel_id,
    },
    trigger,
    triggerId: c.trigger_id,
    responseUrl: c.response_url,
  };
}

const ActionRequestSchema = z.looseObject({
  user_id: z.string().min(1),
  channel_id: z.string().default(''),
  post_id: z.string().default(''),
  trigger_id: z.string().default(''),
  context: z.record(z.string(), z.unknown()).nullish(),
});

/** A button click: verified (the core's invocation) or refused (context missing, altered, or someone else's). */
export type MattermostClick =
  | { kind: 'refused'; user: string; channel: string }
  | { kind: 'clicked'; invocation: ActionInvocation; postId: string; triggerId: string; ephemeral: boolean };

/** A click request (`integration.url`'s JSON body), its context checked against Cohorte's signature. */
export function translateClick(body: unknown, signer: Signer): MattermostClick {
  const r = ActionRequestSchema.parse(body);
  const ctx = r.context;
  const a = typeof ctx?.a === 'string' ? ctx.a : undefined;
  const v = typeof ctx?.v === 'string' ? ctx.v : undefined;
  const u = typeof ctx?.u === 'string' ? ctx.u : undefined;
  const ephemeral = ctx?.e === '1';
  const valid =
    a !== undefined &&
    v !== undefined &&
    (u === undefined || u === r.user_id) &&
    signer.verify(contextParts(a, v, u, ephemeral), ctx?.s);
  if (!valid) return { kind: 'refused', user: r.user_id, channel: r.channel_id };
  return {
    kind: 'clicked',
    invocation: {
      user: { platform: 'mattermost', id: r.user_id },
      actionId: a,
      value: v,
      channel: r.channel_id,
    },
    postId: r.post_id,
    triggerId: r.trigger_id,
    ephemeral,
  };
}
