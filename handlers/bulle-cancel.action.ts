import { BULLE_CANCEL_ACTION } from '../src/core/bulle/messages.js';
import { cancelRequest } from '../src/core/bulle/pairing.js';
import { UserError } from '../src/core/errors.js';
import { type ActionHandler, ephemeral } from '../src/core/handler.js';

/**
 * *Annuler la demande*: only the requester, while the request is in play. Afterwards the clicked message says the
 * request is no longer in progress, its status, and where to see the requests.
 */
export const bulleCancelAction: ActionHandler = {
  actionId: BULLE_CANCEL_ACTION,
  async run({ person, services, t }, id) {
    const outcome = await cancelRequest(services, id, person.email);
    if (outcome === 'notYours') throw new UserError('bulle.notYourRequest');
    const request = await services.bulle.request(id);
    const line =
      outcome === 'cancelled'
        ? t('bulle.toRequester.cancelled', { topic: request?.label ?? '' })
        : t('bulle.cancel.gone', { status: t(`bulle.status.${request?.status ?? 'cancelled'}`) });
    return { ...ephemeral(line), replace: true };
  },
};
