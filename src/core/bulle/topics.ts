import { closest } from './distance.js';

/** The domains of the bulloterie's map, in the order it shows them. */
export const DOMAINS = ['Data', 'Design', 'Dev', 'Transverse', 'Autre'] as const;
export type Domain = (typeof DOMAINS)[number];

/** One theme of the themes file: its label, domain, other ways to write it, and themes close to it. */
export interface Theme {
  label: string;
  domain: Domain;
  aliases: string[];
  related: string[];
}

/** A skill as Cohorte understands it: `key` is the same however the topic was written. */
export interface Topic {
  key: string;
  label: string;
  domain: Domain;
  /** Written with a close misspelling of a known theme, understood as that theme. */
  corrected?: boolean;
}

/** How two topics compare: the same, close (SQL ~ PostgreSQL), or unrelated. */
export type Relation = 'equal' | 'related' | 'different';

// Words that carry no topic, in both languages: "gestion de projet" = "projet gestion" = "project management".
const STOP_WORDS = new Set(
  'a au aux avec d de des du en et l la le les par pour sur un une an and for in of on the to with'.split(
    ' ',
  ),
);

/** One word without its plural: données → donnee, réseaux → reseau; short words (js, ux) stay as they are. */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (/(?:au|eu)x$/.test(word)) return word.slice(0, -1);
  if (/[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Chat markup typed as a topic: a platform token (`<!channel>`, `<@U123>`, `<https://…|lien>`) or a mention
 * (`@here`, `@jean`). Rendering escapes it, but a skill shown to others must be words, not a ping or a link.
 */
export const isChatMarkup = (text: string): boolean => /[<>]|(?:^|\s)@[\w.-]/.test(text);

/**
 * The normal form of a topic: no accents, no case, no punctuation, no plurals, no filler words, words sorted.
 * `Gestion de projets` and `projet, gestion` both give `gestion projet`.
 */
export function normalizeTopic(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map(singular);
  return [...new Set(words)].sort().join(' ');
}

/** The words of a normalised topic. */
export const wordsOf = (key: string): string[] => key.split(' ');

/** The longest of `keys` whose every word is in `key` (a normalised text): the topic that text mentions. */
export function longestMentioned(keys: Iterable<string>, key: string): string | undefined {
  const words = new Set(wordsOf(key));
  return [...keys]
    .filter((candidate) => wordsOf(candidate).every((word) => words.has(word)))
    .sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
}
const NONE: ReadonlySet<string> = new Set();

/** True when every word of `small` is in `big` and `big` has more: "gestion projet" is part of "agile gestion projet". */
function partOf(small: string, big: string): boolean {
  const words = new Set(wordsOf(big));
  const part = wordsOf(small);
  return part.length < words.size && part.every((word) => words.has(word));
}

/** The themes file, indexed: every way to write a theme, and which themes are related. */
export interface Thesaurus {
  /** The topic of some text: a known theme (also through a close misspelling), or the text itself normalised. */
  resolve(text: string): Topic | undefined;
  /**
   * Like `resolve`, then for free text (a stand-up's "un avis RGPD") the longest known theme it mentions.
   */
  resolveLoose(text: string): Topic | undefined;
  /** Equal keys, related ones (themes said to be related, or one topic a part of the other), or different. */
  relation(a: string, b: string): Relation;
  /** The themes the file says are related to a key. */
  linked(key: string): ReadonlySet<string>;
}

/** Builds the thesaurus of a list of themes (the themes file, already checked). */
export function createThesaurus(themes: readonly Theme[]): Thesaurus {
  const byAlias = new Map<string, Theme & { key: string }>();
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    related.set(a, (related.get(a) ?? new Set()).add(b));
    related.set(b, (related.get(b) ?? new Set()).add(a));
  };
  for (const theme of themes) {
    const key = normalizeTopic(theme.label);
    const known = byAlias.get(key);
    // The same theme listed twice (the file and a coordinator's addition) merges: aliases and relations add up.
    const entry = known ?? { ...theme, key };
    for (const alias of [theme.label, ...theme.aliases]) byAlias.set(normalizeTopic(alias), entry);
  }
  for (const theme of themes) {
    const key = normalizeTopic(theme.label);
    for (const other of theme.related)
      link(key, byAlias.get(normalizeTopic(other))?.key ?? normalizeTopic(other));
  }
  const aliases = [...byAlias.keys()];
  const topicOf = (theme: Theme & { key: string }, corrected: boolean): Topic => ({
    key: theme.key,
    label: theme.label,
    domain: theme.domain,
    ...(corrected ? { corrected } : {}),
  });

  const thesaurus: Thesaurus = {
    resolve(text) {
      const key = normalizeTopic(text);
      // Markup (`<!channel>`) normalises to a word; it must not become a label that others read.
      if (!key || isChatMarkup(text)) return undefined;
      const exact = byAlias.get(key);
      if (exact) return topicOf(exact, false);
      const near = closest(key, aliases);
      const theme = near ? byAlias.get(near) : undefined;
      if (theme) return topicOf(theme, true);
      return { key, label: text.trim(), domain: 'Autre' };
    },
    resolveLoose(text) {
      const topic = thesaurus.resolve(text);
      if (topic?.domain !== 'Autre') return topic;
      const mentioned = longestMentioned(aliases, topic.key);
      const theme = mentioned ? byAlias.get(mentioned) : undefined;
      return theme ? topicOf(theme, false) : topic;
    },
    relation(a, b) {
      if (a === b) return 'equal';
      if (related.get(a)?.has(b) || partOf(a, b) || partOf(b, a)) return 'related';
      return 'different';
    },
    linked: (key) => related.get(key) ?? NONE,
  };
  return thesaurus;
}
