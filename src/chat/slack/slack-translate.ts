import { z } from 'zod';
import type { ActionInvocation, CommandInvocation } from '../../core/handler.js';

// Lenient: real payloads carry more fields than any spec lists. Those are left out of the parsed value rather than
// copied into it (`looseObject`): nothing reads them, and a command pays for each field copied.
const CommandSchema = z.object({
  command: z.string().startsWith('/'),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().default(''),
});

const ActionBodySchema = z.looseObject({
  user: z.looseObject({ id: z.string().min(1) }),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z.looseObject({ channel_id: z.string().optional() }).optional(),
});
const ActionSchema = z.looseObject({ action_id: z.string().min(1), value: z.string().default('') });

/** Slack writes mentions as `<@U123|name>` and e-mails as `<mailto:a@b.fr|a@b.fr>`, and escapes &, <, >. */
export function normalizeSlackText(text: string): string {
  // Most commands (`/cohorte moi`) hold neither markup nor an escape.
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, '\u0000@$1\u0001')
    .replace(/<mailto:[^|>]+\|([^>]+)>/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replaceAll('\u0000', '<')
    .replaceAll('\u0001', '>');
}

/** A Bolt slash-command payload as the core's invocation. Throws on a payload missing what we need. */
export function translateCommand(payload: unknown): CommandInvocation {
  const c = CommandSchema.parse(payload);
  return {
    user: { platform: 'slack', id: c.user_id },
    command: c.command.slice(1).toLowerCase(),
    text: normalizeSlackText(c.text),
    channel: c.channel_id,
  };
}

/** A Bolt `block_actions` body and its clicked action as the core's invocation. */
export function translateAction(body: unknown, action: unknown): ActionInvocation {
  const b = ActionBodySchema.parse(body);
  const a = ActionSchema.parse(action);
  return {
    user: { platform: 'slack', id: b.user.id },
    // The renderer suffixes `.n` to keep action ids unique within a message.
    actionId: a.action_id.replace(/\.\d+$/, ''),
    value: a.value,
    channel: b.channel?.id ?? b.container?.channel_id ?? '',
  };
}
