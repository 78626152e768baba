import { type Locale, translate } from '../../core/i18n/index.js';
import type { Block, Button, Inline, Message, Rich } from '../../core/message.js';
import { splitRich } from '../../core/split-rich.js';

/**
 * Characters of HTML per event part. An event is at most 65,536 bytes (body, HTML and envelope together, UTF-8):
 * 10,000 characters of HTML plus as much plain body stays well under it even in 3-byte characters.
 */
export const MATRIX_MAX_PART = 10_000;

/** The content of one `m.room.message` event. `m.mentions` is always present: empty, nobody is notified. */
export interface MatrixContent {
  msgtype: 'm.text' | 'm.notice';
  body: string;
  format: 'org.matrix.custom.html';
  formatted_body: string;
  'm.mentions': { user_ids?: string[]; room?: boolean };
  [key: string]: unknown;
}

/** What rendering depends on: the commands (shown as `!cohorte`), and the language of the choices' hint. */
export interface RenderOptions {
  commands: ReadonlySet<string>;
  locale: Locale;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A word joiner after the `@` keeps `@room` readable yet never a room mention, even for clients that still apply
 * the legacy push rule on the body (m.mentions is set, but not every client reads it).
 */
export const defuse = (text: string): string =>
  text.replace(/@room/gi, (found) => `@\u2060${found.slice(1)}`);

/** `/cohorte moi` → `!cohorte moi`: Matrix clients keep `/` for their own commands. */
function asMatrixCommand(text: string, commands: ReadonlySet<string>): string {
  const match = /^\/([a-z]+)(?=\s|$)/.exec(text);
  return match && commands.has(match[1] as string) ? `!${text.slice(1)}` : text;
}

function pieceHtml(piece: Inline, options: RenderOptions): string {
  const text = escapeHtml(defuse(piece.text)).replace(/\n/g, '<br>');
  switch (piece.kind) {
    case 'plain':
      return text;
    case 'bold':
      return `<b>${text}</b>`;
    case 'italic':
      return `<i>${text}</i>`;
    case 'code':
      return `<code>${escapeHtml(defuse(asMatrixCommand(piece.text, options.commands)))}</code>`;
    case 'link':
      return `<a href="${escapeHtml(piece.url)}">${text}</a>`;
  }
}

function pieceBody(piece: Inline, options: RenderOptions): string {
  if (piece.kind === 'code') return defuse(asMatrixCommand(piece.text, options.commands));
  if (piece.kind === 'link') return `${defuse(piece.text)} (${piece.url})`;
  return defuse(piece.text);
}

interface Chunk {
  html: string;
  body: string;
}

function richChunks(rich: Rich, options: RenderOptions): Chunk[] {
  const html = (r: Rich) => r.map((p) => pieceHtml(p, options)).join('');
  const whole = html(rich);
  if (whole.length <= MATRIX_MAX_PART)
    return [{ html: whole, body: rich.map((p) => pieceBody(p, options)).join('') }];
  return splitRich(rich, MATRIX_MAX_PART, (p) => pieceHtml(p, options)).map((part) => ({
    html: part,
    body: part.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''),
  }));
}

function blockChunks(block: Block, options: RenderOptions): Chunk[] {
  switch (block.kind) {
    case 'header':
      return richChunks(block.text, options).map((c) => ({ html: `<h4>${c.html}</h4>`, body: c.body }));
    case 'section':
      return [block.text, ...(block.fields ?? [])].flatMap((r) => richChunks(r, options));
    case 'context':
      return richChunks(block.text, options);
    case 'code':
      return [
        { html: `<pre><code>${escapeHtml(defuse(block.text))}</code></pre>`, body: defuse(block.text) },
      ];
    case 'divider':
      return [{ html: '<hr>', body: '────────' }];
    case 'actions':
      // The core's numberedChoices turns buttons into a line of text before rendering (see its callers).
      return [];
  }
}

/** Packs chunks into parts of at most {@link MATRIX_MAX_PART} characters of HTML, one paragraph per chunk. */
function pack(chunks: Chunk[]): Chunk[] {
  const parts: Chunk[] = [];
  for (const chunk of chunks) {
    const last = parts[parts.length - 1];
    if (last && last.html.length + chunk.html.length + 4 <= MATRIX_MAX_PART) {
      last.html += `<br>${chunk.html}`;
      last.body += `\n${chunk.body}`;
    } else parts.push({ ...chunk });
  }
  return parts;
}

/**
 * A message as Matrix events: HTML (`org.matrix.custom.html`) with a plain body, every piece of text escaped and
 * `@room` defused, `m.mentions` empty, split into parts under the event size limit. Buttons become numbered
 * choices followed by a line saying to answer with the number.
 */
export function renderMatrix(
  message: Message,
  choices: readonly Button[],
  options: RenderOptions,
): MatrixContent[] {
  const chunks = message.blocks.flatMap((block) => blockChunks(block, options));
  if (choices.length > 0) chunks.push(...richChunks(translate(options.locale, 'chat.pickNumber'), options));
  return pack(chunks.length > 0 ? chunks : richChunks(message.fallback, options)).map(
    (chunk): MatrixContent => ({
      msgtype: 'm.text',
      body: chunk.body,
      format: 'org.matrix.custom.html',
      formatted_body: chunk.html,
      'm.mentions': {},
    }),
  );
}
