import type { ActionHandler } from '../src/core/handler.js';
import { RSVP_ACTIONS } from '../src/core/sessions/announcement.js';
import { rsvp } from '../src/core/sessions/rsvp.js';
import type { RsvpAnswer } from '../src/core/sessions/store.js';

const button = (answer: RsvpAnswer): ActionHandler => ({
  actionId: RSVP_ACTIONS[answer],
  run: (ctx, sessionId) => rsvp(ctx, sessionId, answer),
});

/** The announcement's three buttons: *Je viens*, *Peut-être*, *Je ne viens pas*. */
export const sessionRsvpActions: readonly ActionHandler[] = [button('yes'), button('maybe'), button('no')];
