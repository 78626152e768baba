import { bubbleMap } from '../src/core/bulle/map.js';
import { nameOf } from '../src/core/bulle/notify.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';

/** `/bulle carte`: every topic of the community by domain, who shares it and who is curious. */
export const bulleCarteCommand: CommandHandler = {
  command: 'bulle',
  name: 'carte',
  aliases: ['map'],
  help: 'help.bulle.carte',
  async run({ services, t }) {
    const lines = bubbleMap(await services.bulle.allSkills(), (email) => nameOf(services, email), t);
    return ephemeral(...lines);
  },
};
