import { thesaurusOf } from '../src/core/bulle/world.js';
import { UserError } from '../src/core/errors.js';
import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';

/** `/bulle retire <compétence>`: removes the person's bubble on that topic, however they write it. */
export const bulleRetire: CommandHandler = {
  command: 'bulle',
  name: 'retire',
  aliases: ['remove'],
  help: 'help.bulle.retire',
  async run({ person, services, t }, args) {
    const topic = thesaurusOf(services).resolve(args);
    if (!topic) throw new UserError('bulle.usage.retire');
    const removed = await services.bulle.removeSkill(person.email, topic.key);
    if (removed === 0) throw new UserError('bulle.notFound', { topic: args.trim() });
    return { visibility: 'ephemeral', message: textMessage(t('bulle.removed', { topic: topic.label })) };
  },
};
