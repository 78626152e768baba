import { type ActionHandler, ephemeral } from '../src/core/handler.js';
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
      return { ...ephemeral(t('forget.cancelled')), replace: true };
    }
    await withdrawAnswers(services, person.email);
    await services.personalData.eraseAll(person.email);
    return { ...ephemeral(t('forget.done')), replace: true };
  },
};
