import { seekHelp } from '../src/core/bulle/seek.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';

/** The topic and the optional details after a dash: `Docker — déployer notre API`. */
const DETAILS = /\s+(?:—|–|--?)\s+/;

/**
 * `/bulle cherche <compétence> [— précisions]`: a request for help, matched at once with the best candidate (or
 * posted to the alumni channel when nobody can take it). One request in play per person and topic.
 */
export const bulleChercheCommand: CommandHandler = {
  command: 'bulle',
  name: 'cherche',
  aliases: ['seek', 'prend'],
  help: 'help.bulle.cherche',
  async run({ person, services, t }, args) {
    const [typed = '', ...rest] = args.trim().split(DETAILS);
    const details = rest.join(' — ').trim();
    return ephemeral(...(await seekHelp(services, t, person.email, typed, details)));
  },
};
