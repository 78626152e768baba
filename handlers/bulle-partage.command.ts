import { checkTopicLength, knownTopics, splitTopics, understand } from '../src/core/bulle/understand.js';
import { thesaurusOf } from '../src/core/bulle/world.js';
import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import type { Rich } from '../src/core/message.js';

/**
 * `/bulle partage <compétence>[, …]`: adds what the person can share, each topic understood however written. What
 * cannot be read as a topic (`!!!`) is named in the answer; when nothing else was typed, the answer says what to type.
 */
export const bullePartageCommand: CommandHandler = {
  command: 'bulle',
  name: 'partage',
  aliases: ['share', 'donne'],
  help: 'help.bulle.partage',
  async run({ person, services, t }, args) {
    const typed = splitTopics(args);
    if (typed.length === 0) throw new UserError('bulle.usage.partage');
    checkTopicLength(typed, 'partage');
    const thesaurus = thesaurusOf(services);
    const known = knownTopics(await services.bulle.allSkills());
    const added: string[] = [];
    const already: string[] = [];
    const unread: string[] = [];
    const notes: Rich[] = [];
    for (const text of typed) {
      const understood = understand(text, thesaurus, known);
      if (!understood) {
        unread.push(text);
        continue;
      }
      if ('markup' in understood) {
        notes.push(t('bulle.markupTopic', { typed: understood.markup }));
        continue;
      }
      if ('suggestion' in understood) {
        notes.push(t('bulle.didYouMean', { ...understood.suggestion, verb: 'partage', rest: '' }));
        continue;
      }
      const { topic } = understood;
      if (understood.corrected)
        notes.push(t('bulle.corrected', { typed: understood.corrected, label: topic.label }));
      const at = services.clock.now().toISOString();
      const { key, label, domain } = topic;
      const fresh = await services.bulle.addSkill(person.email, {
        kind: 'share',
        key,
        label,
        domain,
        at,
        source: 'chat',
      });
      (fresh ? added : already).push(topic.label);
    }
    if (unread.length === typed.length)
      throw new UserError('bulle.partage.unreadable', { typed: unread.join(', ') });
    if (unread.length) notes.push(t('bulle.notUnderstood', { typed: unread.join(', ') }));
    const lines: Rich[] = [];
    if (added.length) lines.push(t('bulle.shared', { topics: added.join(', ') }));
    if (already.length) lines.push(t('bulle.alreadyShared', { topics: already.join(', ') }));
    return ephemeral(...lines, ...notes);
  },
};
