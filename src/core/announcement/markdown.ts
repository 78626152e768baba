import type { Inline, Message, Rich } from '../message.js';

// `**gras**` or `*gras*`, `_italique_`, `` `code` ``, `[texte](https://…)`: the Markdown people type in chat.
const INLINE =
  /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** One line of Markdown as a rich run: every piece stays literal text, so it can never ping or inject markup. */
function markdownLine(line: string): Rich {
  const out: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    if (match.index > last) out.push({ kind: 'plain', text: line.slice(last, match.index) });
    const [, strong, bold, italic, code, label, url] = match;
    if (strong !== undefined || bold !== undefined) out.push({ kind: 'bold', text: strong ?? bold ?? '' });
    else if (italic !== undefined) out.push({ kind: 'italic', text: italic });
    else if (code !== undefined) out.push({ kind: 'code', text: code });
    else out.push({ kind: 'link', text: label ?? '', url: url ?? '' });
    last = match.index + match[0].length;
  }
  if (last < line.length) out.push({ kind: 'plain', text: line.slice(last) });
  return out;
}

/**
 * An announcement's Markdown as a message: one section per paragraph (blank lines separate them), line breaks
 * kept, `footer` as a context line. The notification shows the first line.
 */
export function markdownMessage(text: string, footer: Rich): Message {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const sections = paragraphs.map((paragraph) => ({
    kind: 'section' as const,
    text: paragraph
      .split('\n')
      .flatMap((line, i) => [
        ...(i > 0 ? [{ kind: 'plain' as const, text: '\n' }] : []),
        ...markdownLine(line),
      ]),
  }));
  const first = paragraphs[0]?.split('\n')[0] ?? '';
  return {
    fallback: markdownLine(first),
    blocks: [...sections, { kind: 'context', text: footer }],
  };
}
