import type { Inline, Rich } from '../message.js';
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type { MessageKey } from './fr.js';

/** The languages Cohorte speaks; French first. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A parameter value: literal text, or a rich run built by the caller (already safe). */
export type Param = string | number | Rich;
export type Params = Record<string, Param>;

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, params?: Params) => Rich;

const catalogs: Record<Locale, Record<MessageKey, string>> = { fr, en };

const MARKUP = /\*([^*]+)\*|_([^_\s][^_]*)_|`([^`]+)`/g;
const PARAM = /\{(\w+)\}/g;
/** `{count|singulier|pluriel}`: the form agreeing with a number parameter. */
const PLURAL = /\{(\w+)\|([^|}]*)\|([^}]*)\}/g;

/** Whether a count takes the singular: 0 and 1 in French (« 0 personne »), only 1 in English. */
const singular = (locale: Locale, count: number): boolean => (locale === 'fr' ? count < 2 : count === 1);

/** Picks each `{count|one|many}` of a template by its count, before markup and parameters are read. */
function agree(locale: Locale, template: string, params: Params): string {
  return template.replace(PLURAL, (_, name: string, one: string, many: string) => {
    const count = Number(paramText(params[name], name));
    return singular(locale, count) ? one : many;
  });
}

function paramText(value: Param | undefined, name: string): string {
  if (value === undefined) throw new Error(`missing i18n parameter {${name}}`);
  return typeof value === 'object' ? value.map((piece) => piece.text).join('') : String(value);
}

/** Fills `{name}` parameters in a plain stretch of template, keeping rich parameters as they are. */
function fillPlain(template: string, params: Params): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of template.matchAll(PARAM)) {
    const name = match[1] as string;
    if (match.index > last) out.push({ kind: 'plain', text: template.slice(last, match.index) });
    const value = params[name];
    if (typeof value === 'object') out.push(...value);
    else out.push({ kind: 'plain', text: paramText(value, name) });
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push({ kind: 'plain', text: template.slice(last) });
  return out;
}

const fillFlat = (template: string, params: Params): string =>
  template.replace(PARAM, (_, name: string) => paramText(params[name], name));

/**
 * Turns a catalog entry into a rich run. Parameters are always literal text: a parameter holding `*` or `<!channel>`
 * stays text, because markup is parsed in the template before parameters are inserted.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): Rich {
  const template = agree(locale, catalogs[locale][key], params);
  const out: Inline[] = [];
  let last = 0;
  for (const match of template.matchAll(MARKUP)) {
    if (match.index > last) out.push(...fillPlain(template.slice(last, match.index), params));
    if (match[1] !== undefined) out.push({ kind: 'bold', text: fillFlat(match[1], params) });
    else if (match[2] !== undefined) out.push({ kind: 'italic', text: fillFlat(match[2], params) });
    else out.push({ kind: 'code', text: fillFlat(match[3] as string, params) });
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push(...fillPlain(template.slice(last), params));
  return out;
}

/** A translator for one locale. */
export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

/** Whether a string names a supported locale. */
export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
