import type { Inline, Rich } from '../../core/message.js';

/** Escapes the three characters Slack reads as markup in mrkdwn; `<!channel>` typed by someone stays text. */
const escapeMrkdwn = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function inlineToMrkdwn(piece: Inline): string {
  const text = escapeMrkdwn(piece.text);
  // Slack only formats *x* when no space touches the markers, so spaces stay outside them.
  const wrap = (marker: string) => {
    const trimmed = text.trim();
    if (!trimmed) return text;
    const lead = text.slice(0, text.indexOf(trimmed));
    return `${lead}${marker}${trimmed}${marker}${text.slice(lead.length + trimmed.length)}`;
  };
  switch (piece.kind) {
    case 'plain':
      return text;
    case 'bold':
      return wrap('*');
    case 'italic':
      return wrap('_');
    case 'code':
      return wrap('`');
    case 'link':
      return `<${encodeURI(piece.url).replaceAll('|', '%7C').replaceAll('>', '%3E')}|${text}>`;
  }
}

/** A rich run as Slack mrkdwn, every piece of text escaped. */
const toMrkdwn = (rich: Rich): string => rich.map(inlineToMrkdwn).join('');

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

/** Cuts one piece into pieces whose mrkdwn fits `max`, between characters, so escapes and markers stay whole. */
function cutPiece(piece: Inline, max: number): Inline[] {
  if (inlineToMrkdwn(piece).length <= max) return [piece];
  const out: Inline[] = [];
  let text = '';
  for (const char of piece.text) {
    if (text && inlineToMrkdwn({ ...piece, text: text + char }).length > max) {
      out.push({ ...piece, text });
      text = '';
    }
    text += char;
  }
  if (text) out.push({ ...piece, text });
  return out;
}

/**
 * Renders a rich run into mrkdwn parts of at most `max` characters. Parts end at a line break when a line fits;
 * a longer line is cut between pieces, then between characters, never inside `&amp;`, a `*bold*` span or an emoji.
 * Nothing is dropped: each boundary between parts stands for a line break or for a cut in a long line.
 */
export function splitMrkdwn(rich: Rich, max: number): string[] {
  const whole = toMrkdwn(rich);
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
    const rendered = toMrkdwn(line);
    if (rendered.length <= max) {
      add(rendered, '\n');
      continue;
    }
    const pieces = line.flatMap((piece) => cutPiece(piece, max));
    pieces.forEach((piece, i) => {
      add(inlineToMrkdwn(piece), i ? '' : '\n');
    });
  }
  if (current !== undefined) parts.push(current);
  return parts;
}
