import { bubbleMap } from '../src/core/bulle/map.js';
import { communitySkills } from '../src/core/bulle/members.js';
import { nameOf } from '../src/core/bulle/notify.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';

/**
 * `/bulle carte`: every topic of the community by domain, who shares it and who is curious. Only people in the
 * community now are on it, as only they are proposed.
 */
export const bulleCarteCommand: CommandHandler = {
  command: 'bulle',
  name: 'carte',
  aliases: ['map'],
  help: 'help.bulle.carte',
  async run({ services, t }) {
    const lines = bubbleMap(await communitySkills(services), (email) => nameOf(services, email), t);
    return ephemeral(...lines);
  },
};
