/**
 * The one platform-neutral message model. Handlers and jobs build these; each adapter renders them.
 * Every `text` below is literal text: renderers escape it, so user input can never become markup or a ping.
 */
export type Inline =
  | { kind: 'plain'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string; text: string };

/** A run of inline pieces: what a catalog entry or a line of a message turns into. */
export type Rich = Inline[];

/** A clickable button. `value` travels back to the action handler, at most 2,000 characters. */
export interface Button {
  actionId: string;
  label: Rich;
  value: string;
  style?: 'primary' | 'danger';
}

/** One block of a message; adapters map each kind to their platform's closest element. */
export type Block =
  | { kind: 'header'; text: Rich }
  | { kind: 'section'; text: Rich; fields?: Rich[] }
  | { kind: 'context'; text: Rich }
  /**
   * Buttons in a row. `poll`: the question they answer when each person picks one for themself (an RSVP): a
   * platform with polls may offer them as one too.
   */
  | { kind: 'actions'; buttons: Button[]; poll?: Rich }
  | { kind: 'code'; text: string }
  | { kind: 'divider' };

/** A whole message. `fallback` is the plain-text summary shown in notifications. */
export interface Message {
  fallback: Rich;
  blocks: Block[];
}

/** Literal text, escaped by every renderer. */
export const plain = (text: string): Rich => [{ kind: 'plain', text }];

/** A message made of one section per line of text. */
export function textMessage(...lines: Rich[]): Message {
  const first = lines[0] ?? [];
  return { fallback: first, blocks: lines.map((text) => ({ kind: 'section', text })) };
}

/** Joins rich lines with a line break, for a section that holds several lines. */
export function joinLines(lines: Rich[]): Rich {
  return lines.flatMap((line, i) => (i === 0 ? line : [{ kind: 'plain' as const, text: '\n' }, ...line]));
}

/** The plain text of a rich run, without any markup: for logs, the shell and notification fallbacks. */
export function toPlainText(rich: Rich): string {
  return rich.map((piece) => piece.text).join('');
}
