import type { ActionHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { FORGET_ACTION } from '../src/core/personal-data.js';
import { withdrawAnswers } from '../src/core/sessions/rsvp.js';

/**
 * The confirmation buttons of `/cohorte oublier`: erase every store, or nothing. Session answers are withdrawn
 * first, as clicks would be, so the seats they free reach the waiting list out loud.
 */
export const forgetAction: ActionHandler = {
  actionId: FORGET_ACTION,
  // Anyone may erase what Cohorte keeps on them, in the community or not (any more).
  outsiders: true,
  async run({ person, t, services }, value) {
    if (value !== 'yes') {
      return { visibility: 'ephemeral', replace: true, message: textMessage(t('forget.cancelled')) };
    }
    await withdrawAnswers(services, person.email);
    await services.personalData.eraseAll(person.email);
    return { visibility: 'ephemeral', replace: true, message: textMessage(t('forget.done')) };
  },
};
