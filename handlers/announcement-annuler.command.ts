import { cancelAnnouncement, findAnnouncement } from '../src/core/announcement/manage.js';
import type { CommandHandler } from '../src/core/handler.js';

/** `/annonce annuler <id>`, coordinators only: cancels a scheduled announcement or stops one being sent. */
export const announcementAnnulerCommand: CommandHandler = {
  command: 'annonce',
  name: 'annuler',
  aliases: ['cancel'],
  permission: 'announcement.send',
  help: 'help.annonce.annuler',
  async run(ctx, args) {
    return cancelAnnouncement(ctx, await findAnnouncement(ctx.services, args, 'annuler'));
  },
};
