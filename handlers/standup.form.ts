import type { FormHandler } from '../src/core/handler.js';
import { checkAnswers } from '../src/core/standup/answers.js';
import { standupPlace } from '../src/core/standup/context.js';
import { STANDUP_FORM } from '../src/core/standup/form.js';
import { submitStandup } from '../src/core/standup/submit.js';

/** The stand-up form's submission: each answer checked on its field (the form stays open), then recorded. */
export const standupFormHandler: FormHandler = {
  formId: STANDUP_FORM,
  async run(ctx, values) {
    const { person, services, locale, t } = ctx;
    // The period is the one open now, not the one the form was opened in: a form left open past the deadline
    // files the post in the new period rather than editing a closed one.
    const place = standupPlace(person, services.roster.data, services.clock.now());
    const { answers, problems } = checkAnswers(values, place.ritual.questions, locale);
    if (problems.length)
      return { errors: Object.fromEntries(problems.map((p) => [p.questionId, t(p.key, p.params)])) };
    const first = place.ritual.questions[0];
    if (Object.keys(answers).length === 0 && first) return { errors: { [first.id]: t('standup.emptyForm') } };
    return submitStandup(ctx, place, () => answers);
  },
};
