import { cancelAnnouncement, findAnnouncement } from '../src/core/announce/manage.js';
import type { CommandHandler } from '../src/core/handler.js';

/** `/annonce annuler <id>`, coordinators only: cancels a scheduled announcement or stops one being sent. */
export const annonceAnnuler: CommandHandler = {
  command: 'annonce',
  name: 'annuler',
  aliases: ['cancel'],
  permission: 'announce.send',
  help: 'help.annonce.annuler',
  async run(ctx, args) {
    return cancelAnnouncement(ctx, await findAnnouncement(ctx.services, args, 'annuler'));
  },
};
