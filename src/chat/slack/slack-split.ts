import type { Inline, Rich } from '../../core/message.js';
import { splitRich } from '../../core/split-rich.js';

/** Escapes the three characters Slack reads as markup in mrkdwn; `<!channel>` typed by someone stays text. */
const escapeMrkdwn = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Code text that keeps its span whole: mrkdwn has no escape for a backtick, and one inside `code` closes it early
 * (the rest shows as plain text, a stray backtick after it). Each becomes the look-alike modifier letter grave
 * accent (U+02CB), so the text reads as typed.
 */
const codeText = (text: string): string => text.replaceAll('`', '\u02CB');

function inlineToMrkdwn(piece: Inline): string {
  const text = escapeMrkdwn(piece.kind === 'code' ? codeText(piece.text) : piece.text);
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

/**
 * Renders a rich run into Slack mrkdwn parts of at most `max` characters, cut as {@link splitRich} cuts (never
 * inside `&amp;`, a `*bold*` span or an emoji).
 */
export const splitMrkdwn = (rich: Rich, max: number): string[] => splitRich(rich, max, inlineToMrkdwn);
