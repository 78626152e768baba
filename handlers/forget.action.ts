import { type ActionHandler, ephemeral } from '../src/core/handler.js';
import { FORGET_ACTION, forgetPerson } from '../src/core/personal-data.js';

/** The confirmation buttons of `/cohorte oublier`: erase everything ({@link forgetPerson}), or nothing. */
export const forgetAction: ActionHandler = {
  actionId: FORGET_ACTION,
  // Anyone may erase what Cohorte keeps on them, in the community or not (any more).
  outsiders: true,
  async run({ person, t, services }, value) {
    if (value !== 'yes') {
      return { ...ephemeral(t('forget.cancelled')), replace: true };
    }
    await forgetPerson(services, person.email);
    return { ...ephemeral(t('forget.done')), replace: true };
  },
};
