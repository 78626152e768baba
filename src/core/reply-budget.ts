import { ephemeral, type FormOutcome, type Reply } from './handler.js';
import { type Locale, translate } from './i18n/index.js';
import { joinLines, type Rich } from './message.js';

/**
 * The work's result if it comes within `budgetMs`, else undefined. The timer is cleared as soon as the work
 * answers (a plain timer: aborting a promise-timer builds an AbortError on every request), so nothing is kept alive.
 */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, budgetMs, undefined);
  });
  const early = await Promise.race([work, budget]);
  clearTimeout(timer);
  return early;
}

/** What a platform shows at once, and what follows when the work outlived the platform's deadline. */
export interface TimedReply {
  now: Reply;
  /** Present when `now` only says the answer is coming: the real reply, to send afterwards. */
  later?: Promise<Reply>;
}

/**
 * Waits for a command's or a click's reply at most `budgetMs`; past it, `now` is the catalog's "coming in a
 * moment" and `later` the real reply. Every adapter acknowledges within its platform's deadline this way.
 */
export async function replyInTime(
  work: Promise<Reply>,
  budgetMs: number,
  locale: Locale,
): Promise<TimedReply> {
  const early = await withinBudget(work, budgetMs);
  if (early) return { now: early };
  return {
    now: ephemeral(translate(locale, 'error.slow')),
    later: work,
  };
}

/**
 * A form outcome shown as a message: field errors that arrive after the form closed become an ephemeral text,
 * followed by what the person had typed in it (`typed`, by field), so nothing is lost with the form.
 */
export function outcomeAsReply(outcome: FormOutcome, typed: Record<string, string>, locale: Locale): Reply {
  if (!('errors' in outcome)) return outcome;
  const kept = Object.entries(typed).filter(([, value]) => value.trim() !== '');
  const lines: Rich[] = [joinLines(Object.values(outcome.errors))];
  if (kept.length)
    lines.push(
      translate(locale, 'form.typed'),
      ...kept.map(([field, value]) => translate(locale, 'form.typedField', { field, value })),
    );
  return ephemeral(...lines);
}
