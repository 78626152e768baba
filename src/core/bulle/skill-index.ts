import type { Shared, Skill } from './store.js';
import { type Thesaurus, wordsOf } from './topics.js';

/** The people sharing one topic, in a fixed pseudo-random order (see `rankCandidates`), with their labels. */
export interface Sharers {
  emails: string[];
  labels: string[];
}

/** FNV-1a of a string: a stable, well-spread order that is not alphabetical. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Everyone's skills indexed for matching: who shares each topic, and topics by word (to find related ones fast). */
export interface SkillIndex {
  /** Topic key → who shares it. */
  sharers: Map<string, Sharers>;
  /** Keys shared by someone and related to `key` (cached: a round asks the same topics again and again). */
  relatedShared(key: string): string[];
}

/** Builds the index of everyone's shared skills once per round (or per request). */
export function indexSkills(
  skills: ReadonlyMap<string, readonly (Shared & { kind?: Skill['kind'] })[]>,
  thesaurus: Thesaurus,
): SkillIndex {
  const byKey = new Map<string, Map<string, string>>();
  const byWord = new Map<string, string[]>();
  const wordCount = new Map<string, number>();
  for (const [email, list] of skills) {
    for (const skill of list) {
      if (skill.kind === 'learn') continue;
      let who = byKey.get(skill.key);
      if (!who) {
        who = new Map();
        byKey.set(skill.key, who);
        const words = wordsOf(skill.key);
        wordCount.set(skill.key, words.length);
        for (const word of words) {
          const keys = byWord.get(word);
          if (keys) keys.push(skill.key);
          else byWord.set(word, [skill.key]);
        }
      }
      who.set(email, skill.label);
    }
  }
  const sharers = new Map<string, Sharers>();
  const hashes = new Map<string, number>();
  for (const email of skills.keys()) hashes.set(email, hashOf(email));
  const order = (a: string, b: string) => (hashes.get(a) ?? 0) - (hashes.get(b) ?? 0) || a.localeCompare(b);
  for (const [key, who] of byKey) {
    const emails = [...who.keys()].sort(order);
    sharers.set(key, { emails, labels: emails.map((email) => who.get(email) ?? key) });
  }
  const cache = new Map<string, string[]>();
  return {
    sharers,
    relatedShared(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      // One topic is part of another when every word of the smaller is in the larger: count, per shared topic,
      // how many of this key's words it has, instead of comparing the key with every topic.
      const words = wordsOf(key);
      const common = new Map<string, number>();
      for (const word of words)
        for (const other of byWord.get(word) ?? []) common.set(other, (common.get(other) ?? 0) + 1);
      const found = new Set<string>();
      for (const [other, count] of common) {
        const size = wordCount.get(other) ?? 0;
        if ((count === words.length && size > words.length) || (count === size && size < words.length))
          found.add(other);
      }
      for (const linked of thesaurus.linked(key)) if (sharers.has(linked)) found.add(linked);
      found.delete(key);
      const sorted = [...found].sort();
      cache.set(key, sorted);
      return sorted;
    },
  };
}
