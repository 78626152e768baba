import { BULLE_CAN_HELP_ACTION } from '../src/core/bulle/messages.js';
import { nameOf } from '../src/core/bulle/notify.js';
import { mayHelpFromChannel, offerHelp } from '../src/core/bulle/pairing.js';
import { UserError } from '../src/core/errors.js';
import { type ActionHandler, ephemeral } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';

/**
 * *Je peux aider* under a request in the alumni channel (alumni and mentors): the first click pairs and the post
 * says who helps, for everyone; a later click, even a simultaneous one, is told someone already offered. A click on
 * a request cancelled or finished meanwhile is told it is no longer in progress, and why.
 */
export const bulleCanHelpAction: ActionHandler = {
  actionId: BULLE_CAN_HELP_ACTION,
  async run({ person, services, t }, id) {
    if (!mayHelpFromChannel(person)) {
      const request = await services.bulle.request(id);
      throw new UserError('bulle.canHelp.onlyAlumni', { topic: request?.label ?? '' });
    }
    const { outcome, request } = await offerHelp(services, id, person.email);
    if (outcome === 'own') return ephemeral(t('bulle.canHelp.own'));
    if (outcome === 'gone') {
      const status = t(`bulle.status.${request?.status ?? 'cancelled'}`);
      return ephemeral(t('bulle.canHelp.gone', { status }));
    }
    if (outcome === 'taken' || !request) return ephemeral(t('bulle.canHelp.taken'));
    const names = { requester: nameOf(services, request.email), helper: person.name };
    return {
      visibility: 'channel',
      replace: true,
      message: textMessage(t('bulle.escalation.taken', { ...names, topic: request.label })),
    };
  },
};
