import { type ActionHandler, ephemeral } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { FEEDBACK_ACTION, feedbackForm } from '../src/core/sessions/feedback.js';
import { sessionById } from '../src/core/sessions/rsvp.js';

/**
 * The *Donner mon avis* button: the feedback form, prefilled with an earlier answer; for those who came only (the
 * form's submission checks it again), so nobody else is shown a form that would refuse them.
 */
export const sessionFeedbackAction: ActionHandler = {
  actionId: FEEDBACK_ACTION,
  async run({ t, services, person }, sessionId) {
    const session = await sessionById(services, sessionId);
    if ((await services.sessions.answers(session.id)).get(person.email) !== 'yes')
      return ephemeral(t('session.feedbackNotAttendee'));
    const previous = (await services.sessions.feedbacks(session.id)).get(person.email);
    return {
      visibility: 'ephemeral',
      form: feedbackForm(t, session.id, previous),
      message: textMessage(t('session.feedbackRating')),
    };
  },
};
