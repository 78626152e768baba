import type { ActionHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { FORGET_ACTION } from '../src/core/personal-data.js';

/** The confirmation buttons of `/cohorte oublier`: erase every store, or nothing. */
export const forgetAction: ActionHandler = {
  actionId: FORGET_ACTION,
  async run({ person, t, services }, value) {
    if (value !== 'yes') {
      return { visibility: 'ephemeral', replace: true, message: textMessage(t('forget.cancelled')) };
    }
    await services.personalData.eraseAll(person.email);
    return { visibility: 'ephemeral', replace: true, message: textMessage(t('forget.done')) };
  },
};
