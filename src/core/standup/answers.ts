import { UserError } from '../errors.js';
import type { Locale, MessageKey, Params } from '../i18n/index.js';
import type { StandupQuestion } from './ritual.js';

/** Words people type before a colon for the default questions, in French and English (compared without accents). */
const SYNONYMS: Record<string, readonly string[]> = {
  meteo: ['meteo', 'weather', 'humeur', 'mood'],
  priorites: ['priorites', 'priorite', 'priorities', 'priority', 'focus'],
  difficultes: [
    'difficultes',
    'difficulte',
    'reussites',
    'reussite',
    'wins',
    'difficulties',
    'blocages',
    'blockers',
  ],
  aide: ['aide', 'besoin d aide', 'help', 'need help', 'besoin'],
};

/** Lower case, no accents, no punctuation: « Besoin d’aide ? » → `besoin d aide`. */
const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A problem with one answer, as a catalog key: the form shows it on the field, the command as its reply. */
export interface AnswerProblem {
  questionId: string;
  key: MessageKey;
  params: Params;
}

const withoutVariation = (text: string) => text.replace(/\uFE0F/g, '').trim();

/**
 * Checks and normalises answers: a choice must be one of its choices (its emoji, with or without the variation
 * selector, or its number), a text at most `max` characters. Unknown ids and empty answers are left out.
 */
export function checkAnswers(
  raw: Record<string, string>,
  questions: readonly StandupQuestion[],
  locale: Locale,
): { answers: Record<string, string>; problems: AnswerProblem[] } {
  const answers: Record<string, string> = {};
  const problems: AnswerProblem[] = [];
  for (const question of questions) {
    const value = (raw[question.id] ?? '').trim();
    const label = question.label[locale];
    if (!value) continue;
    if (question.kind === 'choice') {
      const choices = question.choices ?? [];
      const picked =
        choices.find((c) => withoutVariation(c) === withoutVariation(value)) ?? choices[Number(value) - 1];
      if (!picked) {
        problems.push({
          questionId: question.id,
          key: 'standup.badChoice',
          params: { question: label, choices: choices.join(' '), count: choices.length },
        });
        continue;
      }
      answers[question.id] = picked;
      continue;
    }
    if (value.length > question.max) {
      problems.push({
        questionId: question.id,
        key: 'standup.tooLong',
        params: { question: label, max: question.max, length: value.length },
      });
      continue;
    }
    answers[question.id] = value;
  }
  return { answers, problems };
}

/**
 * Reads `/standup <texte>` on top of the period's current answers: parts separated by `;` or line breaks, each
 * optionally starting with a label and a colon (`priorités: … ; difficultés: … ; aide: …`, French or English,
 * accents optional). Text before any label goes to the priorities (the first text question that is not the help
 * one); a part with an unknown label continues the previous part. Questions not named keep their current answer;
 * a label with nothing after it (`aide:`) clears that answer. Throws a UserError naming the limit when an answer is
 * too long or a choice is not one, and `standup.nothingTyped` when the text names no question and says nothing.
 */
export function parseStandupText(
  text: string,
  questions: readonly StandupQuestion[],
  locale: Locale,
  current: Record<string, string> = {},
): Record<string, string> {
  const labels = new Map<string, string>();
  for (const q of questions) {
    for (const word of [q.id, q.label.fr, q.label.en, ...(SYNONYMS[q.id] ?? [])])
      labels.set(normalize(word), q.id);
  }
  const fallback =
    questions.find((q) => q.id === 'priorites') ?? questions.find((q) => q.kind === 'text' && !q.help);
  const parts: Record<string, string[]> = {};
  let target = fallback?.id;
  for (const segment of text.split(/[;\n]/)) {
    const labelled = /^\s*([^:]{1,40}):(.*)$/s.exec(segment);
    const id = labelled ? labels.get(normalize(labelled[1] as string)) : undefined;
    const body = (id ? (labelled?.[2] ?? '') : segment).trim();
    if (id) {
      target = id;
      parts[id] ??= [];
    }
    if (!target || !body) continue;
    parts[target] = [...(parts[target] ?? []), body];
  }
  // `;;` names no question and says nothing: refused, so an earlier post is not « updated » with itself.
  if (Object.keys(parts).length === 0) throw new UserError('standup.nothingTyped', { typed: text.trim() });
  const given = Object.fromEntries(Object.entries(parts).map(([id, bodies]) => [id, bodies.join(' ; ')]));
  const { answers, problems } = checkAnswers({ ...current, ...given }, questions, locale);
  const [first] = problems;
  if (first) throw new UserError(first.key, first.params);
  return answers;
}

/**
 * The answers a post emptied (in `before`, not in `after`), as their labels and as the `/standup` text that puts
 * them back; undefined when none was.
 */
export function clearedAnswers(
  questions: readonly StandupQuestion[],
  before: Record<string, string>,
  after: Record<string, string>,
  locale: Locale,
): { labels: string; retype: string } | undefined {
  const cleared = questions.filter((q) => before[q.id] && !after[q.id]);
  if (cleared.length === 0) return undefined;
  return {
    labels: cleared.map((q) => q.label[locale]).join(', '),
    retype: `/standup ${cleared.map((q) => `${q.id}: ${before[q.id]}`).join(' ; ')}`,
  };
}
