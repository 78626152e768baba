import type { Inline } from '../../core/message.js';

/** A zero-width space: after `@`, it keeps the text as people read it but no longer names anyone. */
const ZWSP = '\u200B';

/**
 * Neutralises every mention in user text: an `@` not preceded by a letter or digit (`@channel`, `merci.@here`,
 * `-@all`, `_@someone`: Mattermost splits words on `.`, `-` and `:` and trims `_`) gets a zero-width space after
 * it, so Mattermost neither notifies nor links. An e-mail's `@` follows a letter or digit and is left.
 */
export const defuseMentions = (text: string): string =>
  text.replace(/(^|[^\p{L}\p{N}])@(?=[\p{L}\p{N}_])/gu, `$1@${ZWSP}`);

/** Escapes Markdown in user text (backslash escapes of CommonMark), line starts included, and defuses mentions. */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/[\\`*_~[\]|]/g, '\\$&')
    // A line starting with #, >, -, +, = or "1." would become a heading, a quote, a list or a rule.
    .replace(/^(\s*)([#>\-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
  return defuseMentions(escaped);
}

/** An inline code span that holds any text: the fence is longer than any run of backticks inside. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${defuseMentions(text)}${pad}${fence}`;
}

/** Markers only format when no space touches them: spaces stay outside. */
function wrap(text: string, marker: string): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  const lead = text.slice(0, text.indexOf(trimmed));
  return `${lead}${marker}${trimmed}${marker}${text.slice(lead.length + trimmed.length)}`;
}

/** One inline piece as Mattermost Markdown, its text escaped. */
export function inlineToMarkdown(piece: Inline): string {
  switch (piece.kind) {
    case 'plain':
      return escapeMarkdown(piece.text);
    case 'bold':
      return wrap(escapeMarkdown(piece.text), '**');
    case 'italic':
      return wrap(escapeMarkdown(piece.text), '_');
    case 'code':
      return piece.text.trim() ? codeSpan(piece.text) : piece.text;
    case 'link': {
      const url = encodeURI(piece.url).replaceAll('(', '%28').replaceAll(')', '%29');
      return `[${escapeMarkdown(piece.text)}](${url})`;
    }
  }
}
