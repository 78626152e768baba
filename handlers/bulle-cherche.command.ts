import { openRequest, requestIdOf } from '../src/core/bulle/lifecycle.js';
import { isInPlay } from '../src/core/bulle/store.js';
import {
  checkDetailsLength,
  checkTopicLength,
  knownTopics,
  understand,
} from '../src/core/bulle/understand.js';
import { thesaurusOf } from '../src/core/bulle/world.js';
import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import type { Rich } from '../src/core/message.js';

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
    checkTopicLength([typed], 'cherche', details);
    checkDetailsLength(typed, details);
    const understood = understand(
      typed,
      thesaurusOf(services),
      knownTopics(await services.bulle.allSkills()),
    );
    // Details typed after an unreadable topic are given back in the command to retype.
    if (!understood)
      throw new UserError(details ? 'bulle.unreadableTopic' : 'bulle.usage.cherche', { typed, details });
    if ('markup' in understood)
      throw new UserError(details ? 'bulle.markupTopic.details' : 'bulle.markupTopic', {
        typed: understood.markup,
        details,
      });
    if ('suggestion' in understood)
      throw new UserError('bulle.didYouMean', {
        ...understood.suggestion,
        verb: 'cherche',
        rest: details ? ` — ${details}` : '',
      });
    const { topic } = understood;
    const mine = await services.bulle.requestsOf(person.email);
    const current = mine.find((r) => r.key === topic.key && isInPlay(r.status));
    if (current) throw new UserError('bulle.alreadyRequested', { topic: current.label });
    const now = services.clock.now();
    await openRequest(services, {
      id: requestIdOf(`chat|${person.email}|${topic.key}|${now.getTime()}`),
      email: person.email,
      topic,
      details,
      source: 'chat',
    });
    const lines: Rich[] = [t('bulle.requested', { topic: topic.label })];
    if (understood.corrected)
      lines.push(t('bulle.corrected', { typed: understood.corrected, label: topic.label }));
    return ephemeral(...lines);
  },
};
