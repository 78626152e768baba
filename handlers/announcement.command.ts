import { newAnnouncementForm } from '../src/core/announcement/form.js';
import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';

/**
 * `/annonce [texte]`, coordinators only: opens the announcement form, its text prefilled with whatever followed
 * `/annonce` (not a sub-command); its submission shows a preview to confirm.
 */
export const announcementCommand: CommandHandler = {
  command: 'annonce',
  name: '',
  permission: 'announcement.send',
  help: 'help.annonce',
  async run({ t, services }, args) {
    return {
      visibility: 'ephemeral',
      form: newAnnouncementForm(t, services.roster.data.timezone, args),
      message: textMessage(t('announcement.formFallback')),
    };
  },
};
