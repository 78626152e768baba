import { BULLE_REPLY_ACTION, choiceOf } from '../src/core/bulle/messages.js';
import { nameOf } from '../src/core/bulle/notify.js';
import { reply } from '../src/core/bulle/pairing.js';
import { type ActionHandler, ephemeral } from '../src/core/handler.js';

/** *Accepter* / *Pas disponible* on a proposal: the answer replaces the buttons, so nobody clicks twice. */
export const bulleReplyAction: ActionHandler = {
  actionId: BULLE_REPLY_ACTION,
  async run({ person, services, t }, value) {
    const { choice, id } = choiceOf(value);
    const outcome = await reply(services, id, person.email, choice === 'accept');
    if (outcome === 'gone') return { ...ephemeral(t('bulle.gone')), replace: true };
    const request = await services.bulle.request(id);
    const requester = request ? nameOf(services, request.email) : '';
    const line = outcome === 'accepted' ? t('bulle.accepted', { requester }) : t('bulle.declined');
    return { ...ephemeral(line), replace: true };
  },
};
