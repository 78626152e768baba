import { editAnnouncementForm } from '../src/core/announcement/form.js';
import { findAnnouncement } from '../src/core/announcement/manage.js';
import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';

/**
 * `/annonce modifier <id>`, coordinators only: opens the form with the announcement's text; its submission shows
 * the edit to confirm, which changes every copy already sent.
 */
export const announcementModifierCommand: CommandHandler = {
  command: 'annonce',
  name: 'modifier',
  aliases: ['edit'],
  permission: 'announcement.send',
  help: 'help.annonce.modifier',
  async run({ t, services }, args) {
    const announcement = await findAnnouncement(services, args, 'modifier');
    return {
      visibility: 'ephemeral',
      form: editAnnouncementForm(t, announcement.id, announcement.text),
      message: textMessage(t('announcement.formFallback')),
    };
  },
};
