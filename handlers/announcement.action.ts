import { ANNOUNCEMENT_ACTION } from '../src/core/announcement/form.js';
import { confirmAnnouncement, confirmEdit, dropAnnouncement } from '../src/core/announcement/manage.js';
import type { ActionHandler } from '../src/core/handler.js';

/**
 * The preview's buttons: `send:<id>` confirms, `edit:<id>:<hash>` applies the edit previewed with that text hash,
 * `drop:<id>` / `keep:<id>:<hash>` discard.
 */
export const announcementAction: ActionHandler = {
  actionId: ANNOUNCEMENT_ACTION,
  permission: 'announcement.send',
  async run(ctx, value) {
    const [verb = '', id = '', hash = ''] = value.split(':');
    if (verb === 'send') return confirmAnnouncement(ctx, id);
    if (verb === 'edit') return confirmEdit(ctx, id, hash);
    return dropAnnouncement(ctx, id, verb === 'keep', hash);
  },
};
