import type { Inline, Rich } from './message.js';

/** How a platform writes one inline piece as markup (its escapes included). */
export type InlineRenderer = (piece: Inline) => string;

/** Cuts text to at most `max` UTF-16 units with an ellipsis, never inside a character (emoji stay whole). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** The UTF-8 bytes of a text: what servers written in Go count with `len()`. */
export const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `text` in at most `maxBytes` UTF-8 bytes, cut between characters (never inside one) and ended with `…` when
 * cut: for limits a server counts in bytes, which accented text reaches before its length in characters.
 */
export function truncateBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const room = maxBytes - utf8Length('…');
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (used + size > room) break;
    out += char;
    used += size;
  }
  return `${out}…`;
}

/** Splits a rich run at its line breaks, keeping each piece's kind. */
function lines(rich: Rich): Rich[] {
  const out: Rich[] = [[]];
  for (const piece of rich) {
    piece.text.split('\n').forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text) (out[out.length - 1] as Rich).push({ ...piece, text });
    });
  }
  return out;
}

/**
 * Cuts one piece into pieces whose markup fits `max`, between characters, so escapes and markers stay whole. Each
 * cut is found by bisection (markup grows with the text), so a long line costs a few renders per part, not one per
 * character.
 */
function cutPiece(piece: Inline, max: number, render: InlineRenderer): Inline[] {
  if (render(piece).length <= max) return [piece];
  const chars = [...piece.text];
  const slice = (from: number, to: number): Inline => ({ ...piece, text: chars.slice(from, to).join('') });
  const out: Inline[] = [];
  let start = 0;
  while (start < chars.length) {
    // At least one character per part, even one whose markup alone is longer than `max`.
    let fit = start + 1;
    let over = chars.length + 1;
    while (over - fit > 1) {
      const mid = (fit + over) >> 1;
      if (render(slice(start, mid)).length <= max) fit = mid;
      else over = mid;
    }
    out.push(slice(start, fit));
    start = fit;
  }
  return out;
}

/**
 * Renders a rich run with `render` into parts of at most `max` characters. Parts end at a line break when a line
 * fits; a longer line is cut between pieces, then between characters, never inside an escape, a bold span or an
 * emoji. Nothing is dropped: each boundary between parts stands for a line break or for a cut in a long line.
 */
export function splitRich(rich: Rich, max: number, render: InlineRenderer): string[] {
  const markup = (run: Rich) => run.map(render).join('');
  const whole = markup(rich);
  if (whole.length <= max) return [whole];
  const parts: string[] = [];
  let current: string | undefined;
  const add = (text: string, separator: string) => {
    if (current !== undefined && current.length + separator.length + text.length <= max) {
      current += separator + text;
      return;
    }
    if (current !== undefined) parts.push(current);
    current = text;
  };
  for (const line of lines(rich)) {
    const rendered = markup(line);
    if (rendered.length <= max) {
      add(rendered, '\n');
      continue;
    }
    line
      .flatMap((piece) => cutPiece(piece, max, render))
      .forEach((piece, i) => {
        add(render(piece), i ? '' : '\n');
      });
  }
  if (current !== undefined) parts.push(current);
  return parts;
}
