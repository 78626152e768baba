import { z } from 'zod';

/** What people see of Mattermost posts and command responses, read back in tests. */

const ActionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  integration: z.looseObject({ url: z.string(), context: z.record(z.string(), z.unknown()) }),
});
const AttachmentSchema = z.looseObject({
  text: z.string().default(''),
  actions: z.array(ActionSchema).default([]),
});
const ShownSchema = z.looseObject({
  text: z.string().optional(),
  message: z.string().optional(),
  attachments: z.array(AttachmentSchema).optional(),
  props: z.looseObject({ attachments: z.array(AttachmentSchema).optional() }).optional(),
});

/** The attachments of a post, a command response or an `update`. */
const attachmentsOf = (post: unknown) => {
  const p = ShownSchema.parse(post);
  return p.attachments ?? p.props?.attachments ?? [];
};

/** Markdown as a person reads it: backslash escapes resolved (mentions stay defused). */
export const readable = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Mattermost Markdown in Slack's markers, so one assertion reads both: `**x**` → `*x*`, headings unmarked. */
export const asSlackMarkers = (text: string): string =>
  readable(text)
    .replace(/\*\*([^*]+)\*\*/g, '*$1*')
    .replace(/^#### /gm, '');

/** Everything a person reads in a post or response: the Markdown, then each attachment's text and buttons. */
export function shownMm(post: unknown): string {
  const p = ShownSchema.parse(post);
  const parts = [p.text ?? p.message ?? ''];
  for (const a of attachmentsOf(post)) parts.push(a.text, ...a.actions.map((b) => b.name));
  return parts.filter(Boolean).join('\n');
}

/** The buttons of a post or response: label, Mattermost id, and what the server would post back on a click. */
export const buttonsOfMm = (post: unknown) => attachmentsOf(post).flatMap((a) => a.actions);

/** A button as the server keeps it: what it shows and where a click goes. */
export type MattermostButton = z.infer<typeof ActionSchema>;
