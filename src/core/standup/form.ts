import type { Form } from '../form.js';
import type { Context, Reply } from '../handler.js';
import type { Locale, Translate } from '../i18n/index.js';
import { textMessage } from '../message.js';
import { type StandupPlace, standupPlace } from './context.js';

/** Form id of the stand-up form, and action id of the reminder's button that opens it (letters and digits). */
export const STANDUP_FORM = 'standup';
export const OPEN_STANDUP_ACTION = 'standupopen';

/**
 * A choice question's choices as form choices: the value is the choice's number (`1`, `2`…), which
 * `checkAnswers` reads back as the choice. A label from community.yml would not do as a value: Slack caps an
 * option's value (75 characters in @slack/types, 150 in its docs). `initial` is the stored answer, as its number.
 */
function numberedChoices(choices: readonly string[], answer: string | undefined) {
  const index = answer === undefined ? -1 : choices.indexOf(answer);
  return {
    choices: choices.map((label, i) => ({ value: String(i + 1), label })),
    initial: index >= 0 ? String(index + 1) : undefined,
  };
}

/** The stand-up form of a period, prefilled with `initial` (this period's post, or the person's previous one). */
export function standupForm(
  place: StandupPlace,
  initial: Record<string, string>,
  locale: Locale,
  t: Translate,
): Form {
  return {
    formId: STANDUP_FORM,
    title: t('standup.formTitle'),
    submit: t('standup.formSubmit'),
    context: `${place.ritual.id}|${place.period.id}`,
    fields: place.ritual.questions.map((q) => ({
      id: q.id,
      label: [{ kind: 'plain', text: q.label[locale] }],
      ...(q.short ? { short: q.short[locale] } : {}),
      kind: q.kind === 'choice' ? 'choice' : 'multiline',
      ...(q.choices ? numberedChoices(q.choices, initial[q.id]) : { initial: initial[q.id] }),
      max: q.max,
      optional: true,
    })),
  };
}

/** The reply that opens the stand-up form for the person asking, prefilled with this period's post or their last. */
export async function openStandupForm(ctx: Context): Promise<Reply> {
  const { person, services, locale, t } = ctx;
  const place = standupPlace(person, services.roster.data, services.clock.now());
  const current = await services.standups.entry(place.ritual.id, place.period.id, person.email);
  const previous = current ?? (await services.standups.last(person.email));
  return {
    visibility: 'ephemeral',
    form: standupForm(place, previous?.answers ?? {}, locale, t),
    message: textMessage(t('standup.formFallback')),
  };
}
