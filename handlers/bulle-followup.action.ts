import { BULLE_FOLLOWUP_ACTION, choiceOf } from '../src/core/bulle/messages.js';
import { answerFollowUp } from '../src/core/bulle/pairing.js';
import { type ActionHandler, ephemeral } from '../src/core/handler.js';

/** The follow-up's *Oui, nous avons échangé* / *Non, pas encore*: recorded once, for the coordinators' summary. */
export const bulleFollowupAction: ActionHandler = {
  actionId: BULLE_FOLLOWUP_ACTION,
  async run({ person, services, t }, value) {
    const { choice, id } = choiceOf(value);
    const met = choice === 'met';
    const recorded = await answerFollowUp(services, id, person.email, met);
    const request = await services.bulle.request(id);
    if (!recorded) return { ...ephemeral(t('bulle.gone')), replace: true };
    const line = met ? t('bulle.followup.met') : t('bulle.followup.notMet', { topic: request?.label ?? '' });
    return { ...ephemeral(line), replace: true };
  },
};
