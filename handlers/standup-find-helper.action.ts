import type { ActionHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { FIND_HELPER_ACTION } from '../src/core/standup/digest.js';

/**
 * The digest's *Trouver quelqu'un* button next to a help request. Matching people is the bulloterie's work (issue
 * 5); until it lands, the click says the request is kept and the coordinators see it in their roll-up.
 */
export const standupFindHelperAction: ActionHandler = {
  actionId: FIND_HELPER_ACTION,
  async run({ services, t }, requestId) {
    const request = await services.standups.help(requestId);
    return {
      visibility: 'ephemeral',
      message: textMessage(t(request ? 'standup.helpKept' : 'standup.helpGone')),
    };
  },
};
