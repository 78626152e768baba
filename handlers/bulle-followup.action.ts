import { BULLE_FOLLOWUP_ACTION, choiceOf } from '../src/core/bulle/messages.js';
import { answerFollowUp } from '../src/core/bulle/pairing.js';
import type { ActionHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';

/** The follow-up's *Oui, nous avons échangé* / *Non, pas encore*: recorded once, for the coordinators' summary. */
export const bulleFollowupAction: ActionHandler = {
  actionId: BULLE_FOLLOWUP_ACTION,
  async run({ person, services, t }, value) {
    const { choice, id } = choiceOf(value);
    const met = choice === 'met';
    const recorded = await answerFollowUp(services, id, person.email, met);
    const request = await services.bulle.request(id);
    if (!recorded) return { visibility: 'ephemeral', replace: true, message: textMessage(t('bulle.gone')) };
    const line = met ? t('bulle.followup.met') : t('bulle.followup.notMet', { topic: request?.label ?? '' });
    return { visibility: 'ephemeral', replace: true, message: textMessage(line) };
  },
};
