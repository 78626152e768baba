import { type Block, type Button, type Message, type Rich, toPlainText } from '../../core/message.js';
import { splitRich, truncate } from '../../core/split-rich.js';
import { defuseMentions, escapeMarkdown, inlineToMarkdown } from './mattermost-markdown.js';
import type { Signer } from './mattermost-sign.js';

/** Mattermost refuses a post whose message is longer than this (older databases: 4,000). */
export const MATTERMOST_MAX_POST = 16_383;
const BUTTON_LABEL_MAX = 75;

/** A button as a message-attachment action: Mattermost posts `context` back to `integration.url` on a click. */
export interface MattermostAction {
  id: string;
  type: 'button';
  name: string;
  style: 'primary' | 'danger' | 'default';
  integration: { url: string; context: ActionContext };
}

/**
 * What a button carries back, signed by Cohorte: action id, value, the only person allowed to click, and `e` when
 * the button is on an ephemeral post, which the server cannot update (it is never stored).
 */
export interface ActionContext {
  a: string;
  v: string;
  u?: string;
  e?: '1';
  s: string;
}

/** A message attachment: a run of text and the buttons that close it. */
export interface MattermostAttachment {
  text: string;
  actions?: MattermostAction[];
}

/** One post's content: Markdown and, on the last part of a message, its attachments. */
export interface MattermostPost {
  message: string;
  props?: { attachments: MattermostAttachment[] };
}

/**
 * Where clicks go and how their context is signed; `user` binds the buttons to the one person who sees them;
 * `ephemeral` marks buttons shown on an ephemeral post.
 */
export interface ButtonOptions {
  actionUrl: string;
  signer: Signer;
  user?: string | undefined;
  ephemeral?: boolean | undefined;
}

/** The signed parts of a button's context (buttons signed before `e` existed still verify). */
export const contextParts = (a: string, v: string, u: string | undefined, e: boolean) => [
  'action',
  a,
  v,
  u ?? '',
  ...(e ? ['ephemeral'] : []),
];

/** Markdown chunks of one block, each at most `max` characters. */
function blockText(block: Exclude<Block, { kind: 'actions' }>, max: number): string[] {
  const split = (rich: Rich, room = max) => splitRich(rich, room, inlineToMarkdown);
  switch (block.kind) {
    case 'header':
      return [`#### ${escapeMarkdown(truncate(toPlainText(block.text), 150))}`];
    case 'section':
      return [...split(block.text), ...(block.fields ?? []).flatMap((field) => split(field))];
    case 'context':
      return split(block.text);
    case 'code':
      // A fence longer than any run of backticks in the text, so the text cannot close it.
      return splitRich([{ kind: 'plain', text: block.text }], max - 16, (p) => p.text).map((text) => {
        const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
        return `${fence}\n${defuseMentions(text)}\n${fence}`;
      });
    case 'divider':
      return ['', '---', ''];
  }
}

function action(button: Button, index: number, options: ButtonOptions): MattermostAction {
  const { actionId: a, value: v } = button;
  const { user: u, ephemeral = false } = options;
  return {
    // Mattermost allows letters and digits only; the real action id travels in the signed context.
    id: `${a.replace(/[^A-Za-z0-9]/g, '')}${index}`,
    type: 'button',
    name: truncate(toPlainText(button.label), BUTTON_LABEL_MAX),
    style: button.style ?? 'default',
    integration: {
      url: options.actionUrl,
      context: {
        a,
        v,
        ...(u ? { u } : {}),
        ...(ephemeral ? { e: '1' as const } : {}),
        s: options.signer.sign(contextParts(a, v, u, ephemeral)),
      },
    },
  };
}

/** Packs chunks into texts of at most `max` characters, joined by line breaks. */
function pack(chunks: string[], max: number): string[] {
  const parts: string[] = [];
  for (const chunk of chunks) {
    const last = parts[parts.length - 1];
    if (last !== undefined && last.length + 1 + chunk.length <= max)
      parts[parts.length - 1] = `${last}\n${chunk}`;
    else parts.push(chunk);
  }
  return parts;
}

/**
 * Renders a neutral message into Mattermost posts: Markdown with every piece of text escaped (no markup, no
 * mention from user text), split into posts of at most 16,383 characters at line breaks. Buttons become
 * attachment actions: from the text block just before the first buttons on, text and buttons go into
 * attachments in order, so each button stays next to what it is about; they ride on the last post.
 */
export function renderMattermost(message: Message, options: ButtonOptions): MattermostPost[] {
  const before: string[] = [];
  const attachments: MattermostAttachment[] = [];
  let pending: string[] = [];
  let index = 0;
  message.blocks.forEach((block, i) => {
    if (block.kind === 'actions') {
      const actions = block.buttons.map((b) => action(b, index++, options));
      attachments.push({ text: pending.join('\n'), actions });
      pending = [];
      return;
    }
    const text = blockText(block, MATTERMOST_MAX_POST);
    const startsAttachments = attachments.length === 0 && message.blocks[i + 1]?.kind === 'actions';
    if (attachments.length > 0 || startsAttachments) pending.push(...text);
    else before.push(...text);
  });
  if (pending.length) attachments.push({ text: pending.join('\n') });
  const parts = pack(before, MATTERMOST_MAX_POST);
  const posts: MattermostPost[] = (parts.length ? parts : ['']).map((text) => ({ message: text }));
  const last = posts[posts.length - 1];
  if (last && attachments.length) last.props = { attachments };
  return posts;
}
