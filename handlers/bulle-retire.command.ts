import { splitTopics } from '../src/core/bulle/understand.js';
import { thesaurusOf } from '../src/core/bulle/world.js';
import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import type { Rich } from '../src/core/message.js';

/**
 * `/bulle retire <compétence>[, …]`: removes the person's bubbles on those topics, however they write them, split
 * like `/bulle partage`. Says what was removed and names what the person had no bubble for.
 */
export const bulleRetireCommand: CommandHandler = {
  command: 'bulle',
  name: 'retire',
  aliases: ['remove'],
  help: 'help.bulle.retire',
  async run({ person, services, t }, args) {
    const typed = splitTopics(args);
    if (typed.length === 0) throw new UserError('bulle.usage.retire');
    const thesaurus = thesaurusOf(services);
    const removed: string[] = [];
    const missing: string[] = [];
    const seen = new Set<string>();
    for (const text of typed) {
      const topic = thesaurus.resolve(text);
      if (topic && seen.has(topic.key)) continue;
      if (topic) seen.add(topic.key);
      const count = topic ? await services.bulle.removeSkill(person.email, topic.key) : 0;
      if (topic && count > 0) removed.push(topic.label);
      else missing.push(text);
    }
    const lines: Rich[] = removed.length ? [t('bulle.removed', { topic: removed.join(', ') })] : [];
    if (missing.length) {
      const notFound =
        missing.length === 1
          ? new UserError('bulle.notFound', { topic: missing[0] ?? '' })
          : new UserError('bulle.notFoundMany', { topics: missing.join(', ') });
      if (lines.length === 0) throw notFound;
      lines.push(t(notFound.key, notFound.params));
    }
    return ephemeral(...lines);
  },
};
