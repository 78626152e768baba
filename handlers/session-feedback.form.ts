import { ephemeral, type FormHandler } from '../src/core/handler.js';
import { FEEDBACK_FORM, parseFeedback } from '../src/core/sessions/feedback.js';
import { sessionById } from '../src/core/sessions/rsvp.js';

/** A feedback: from someone who said yes only; a second one replaces the first. */
export const sessionFeedbackFormHandler: FormHandler = {
  formId: FEEDBACK_FORM,
  async run({ t, services, person }, values, sessionId) {
    const session = await sessionById(services, sessionId);
    if ((await services.sessions.answers(session.id)).get(person.email) !== 'yes')
      return ephemeral(t('session.feedbackNotAttendee'));
    const feedback = parseFeedback(values);
    if (!feedback) return { errors: { rating: t('session.feedbackFix') } };
    await services.sessions.setFeedback(session.id, person.email, feedback);
    return ephemeral(t('session.feedbackThanks'));
  },
};
