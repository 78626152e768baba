import { UserError } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import type { Rich } from '../message.js';
import type { Services } from '../ports.js';
import { type NewRequest, openRequest, requestIdOf } from './lifecycle.js';
import type { BulleRequest } from './store.js';
import { isInPlay } from './store.js';
import { checkDetailsLength, checkTopicLength, knownTopics, understand } from './understand.js';
import { thesaurusOf } from './world.js';

/**
 * Asks for help on a topic, wherever it was typed (`/bulle cherche`, the bubble map's « Je cherche ça »): checks
 * the topic and the details, opens the request (matched at once, or posted to the alumni channel) and returns the
 * lines of the answer. A bad input, or a request already in play on that topic, throws the {@link UserError} that
 * says what to type instead. One request in play per person and topic.
 */
export async function seekHelp(
  services: Services,
  t: Translate,
  email: string,
  typed: string,
  details: string,
): Promise<Rich[]> {
  checkTopicLength([typed], 'cherche', details);
  checkDetailsLength(typed, details);
  const understood = understand(typed, thesaurusOf(services), knownTopics(await services.bulle.allSkills()));
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
  const now = services.clock.now();
  await openSoughtRequest(services, {
    id: requestIdOf(`chat|${email}|${topic.key}|${now.getTime()}`),
    email,
    topic,
    details,
    source: 'chat',
  });
  const lines: Rich[] = [t('bulle.requested', { topic: topic.label })];
  if (understood.corrected)
    lines.push(t('bulle.corrected', { typed: understood.corrected, label: topic.label }));
  return lines;
}

/**
 * Opens a request whatever its origin (`/bulle cherche`, the bubble map, a stand-up's *Trouver quelqu'un*), one in
 * play per person and topic: another one of theirs in play on that topic throws the {@link UserError} naming it
 * (`/bulle mes` shows it); named as `requester` when someone else acts for them (a mentor's click).
 */
export async function openSoughtRequest(
  services: Services,
  input: NewRequest,
  requester?: string,
): Promise<BulleRequest> {
  const mine = await services.bulle.requestsOf(input.email);
  const current = mine.find((r) => r.key === input.topic.key && isInPlay(r.status));
  if (current && requester)
    throw new UserError('bulle.alreadyRequested.other', { requester, topic: current.label });
  if (current) throw new UserError('bulle.alreadyRequested', { topic: current.label });
  return (await openRequest(services, input)).request;
}
