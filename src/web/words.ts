import { type Locale, type MessageKey, type Params, translate } from '../core/i18n/index.js';
import { type Inline, type Rich, toPlainText } from '../core/message.js';
import { type Html, html } from './html.js';

const pieceHtml = (piece: Inline): Html => {
  if (piece.kind === 'link') return html`<a href="${piece.url}">${piece.text}</a>`;
  if (piece.kind === 'bold') return html`<strong>${piece.text}</strong>`;
  if (piece.kind === 'italic') return html`<em>${piece.text}</em>`;
  if (piece.kind === 'code') return html`<code>${piece.text}</code>`;
  return html`${piece.text}`;
};

/** A rich run as HTML: the catalog's `*gras*`, `_italique_` and `` `code` `` become tags; every text is escaped. */
export const richHtml = (rich: Rich): Html => html`${rich.map(pieceHtml)}`;

/** The catalog in one language, as the pages use it. */
export interface Words {
  locale: Locale;
  /** A catalog line as HTML (markup as tags, parameters as text). */
  t(key: MessageKey, params?: Params): Html;
  /** A catalog line as plain text: titles, table headers and cells, CSV. */
  text(key: MessageKey, params?: Params): string;
}

/** The pages' words in `locale`. */
export const wordsIn = (locale: Locale): Words => ({
  locale,
  t: (key, params) => richHtml(translate(locale, key, params)),
  text: (key, params) => toPlainText(translate(locale, key, params)),
});
