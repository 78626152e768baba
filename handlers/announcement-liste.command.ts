import { excerptOf, whenLabel } from '../src/core/announcement/render.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { joinLines } from '../src/core/message.js';

/** How many announcements the list shows. */
const LISTED = 20;
/** Characters of each announcement's text in the list. */
const EXCERPT = 60;

/** `/annonce liste`, coordinators only: scheduled and recent announcements, newest first, with their ids. */
export const announcementListeCommand: CommandHandler = {
  command: 'annonce',
  name: 'liste',
  aliases: ['list'],
  permission: 'announcement.send',
  help: 'help.annonce.liste',
  async run({ t, services, locale }) {
    const found = await services.announcements.recent(LISTED);
    if (found.length === 0) return ephemeral(t('announcement.listEmpty'));
    const timezone = services.roster.data.timezone;
    const lines = found.map((a) =>
      t('announcement.listLine', {
        id: a.id,
        state: t(`announcement.state.${a.state}`),
        when: whenLabel(a, timezone, locale),
        audience: a.audienceText,
        excerpt: excerptOf(a, EXCERPT),
      }),
    );
    return ephemeral(t('announcement.listTitle'), joinLines(lines));
  },
};
