import type { ActionHandler } from '../src/core/handler.js';
import { OPEN_STANDUP_ACTION, openStandupForm } from '../src/core/standup/form.js';

/** The reminder's *Écrire mon stand-up* button: opens the form, prefilled like `/standup`. */
export const standupOpenAction: ActionHandler = {
  actionId: OPEN_STANDUP_ACTION,
  run: (ctx) => openStandupForm(ctx),
};
