import type { ActionHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { FEEDBACK_ACTION, feedbackForm } from '../src/core/sessions/feedback.js';
import { sessionById } from '../src/core/sessions/rsvp.js';

/** The *Donner mon avis* button: the feedback form, prefilled with an earlier answer. */
export const sessionFeedbackAction: ActionHandler = {
  actionId: FEEDBACK_ACTION,
  async run({ t, services, person }, sessionId) {
    const session = await sessionById(services, sessionId);
    const previous = (await services.sessions.feedbacks(session.id)).get(person.email);
    return {
      visibility: 'ephemeral',
      form: feedbackForm(t, session.id, previous),
      message: textMessage(t('session.feedbackRating')),
    };
  },
};
