import { UserError } from '../errors.js';
import { closest } from './distance.js';
import { isChatMarkup, longestMentioned, type Thesaurus, type Topic } from './topics.js';

/** Topics typed in a command, separated by commas or semicolons. */
export const splitTopics = (args: string): string[] =>
  args
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** The longest topic accepted: a skill is a few words; details go after a dash. */
const TOPIC_MAX = 80;
/** The longest details of a request: a few sentences, read by the helper in a DM. */
const DETAILS_MAX = 1000;

/**
 * Throws what to type instead when a topic is too long, before anything is recorded. The whole text is echoed so
 * nothing is lost: for `cherche`, inside the command to retype with the details after « — ».
 */
export function checkTopicLength(typed: readonly string[], verb: 'partage' | 'cherche', details = ''): void {
  const long = typed.find((text) => text.length > TOPIC_MAX);
  if (!long) return;
  const key = verb === 'cherche' ? 'bulle.topicTooLong' : 'bulle.topicTooLong.partage';
  // Details typed after the dash follow the long text in the command to retype: nothing typed is lost.
  throw new UserError(key, { max: TOPIC_MAX, typed: long, rest: details ? ` ${details}` : '' });
}

/**
 * Throws what to type instead when a request's details are too long, before anything is recorded: the whole
 * command comes back, so the person shortens it rather than typing it again.
 */
export function checkDetailsLength(typed: string, details: string): void {
  if (details.length <= DETAILS_MAX) return;
  throw new UserError('bulle.detailsTooLong', { length: details.length, max: DETAILS_MAX, typed, details });
}

/**
 * What a typed topic turned out to be: a topic to record (`typed` is set when a misspelling was corrected), or a
 * close topic already on the map, to suggest.
 */
export type Understood =
  | { topic: Topic; corrected?: string }
  | { suggestion: { typed: string; label: string } }
  | { markup: string };

/**
 * Reads one typed topic. A close misspelling of a theme is corrected. A new free topic close to one already on the
 * community's map is not recorded: the caller asks « vouliez-vous dire … ? »; a trailing `!` keeps the spelling.
 * Chat markup is never a topic: the caller refuses it by name.
 */
export function understand(
  typed: string,
  thesaurus: Thesaurus,
  known: ReadonlyMap<string, string>,
): Understood | undefined {
  const forced = typed.endsWith('!');
  const text = forced ? typed.slice(0, -1).trim() : typed.trim();
  if (isChatMarkup(text)) return { markup: text };
  const topic = thesaurus.resolve(text);
  if (!topic) return undefined;
  if (topic.corrected) return { topic, corrected: text };
  // A free topic already on the map keeps the label it has there, so the map shows it once.
  const label = known.get(topic.key);
  if (label && topic.domain === 'Autre') return { topic: { ...topic, label } };
  if (forced || topic.domain !== 'Autre') return { topic };
  const near = closest(topic.key, known.keys());
  const nearLabel = near ? known.get(near) : undefined;
  return nearLabel ? { suggestion: { typed: text, label: nearLabel } } : { topic };
}

/** Every topic on the community's map: key → label (the first label seen). */
export function knownTopics(
  skills: ReadonlyMap<string, readonly { key: string; label: string }[]>,
): Map<string, string> {
  const known = new Map<string, string>();
  for (const list of skills.values())
    for (const skill of list) if (!known.has(skill.key)) known.set(skill.key, skill.label);
  return known;
}

/**
 * The skill a free text names (a stand-up's help request), never the text itself: a theme it mentions (an alias
 * included), else the longest topic of the community's map it has every word of. Undefined when it names none.
 */
export function namedTopic(
  text: string,
  thesaurus: Thesaurus,
  known: ReadonlyMap<string, string>,
): Topic | undefined {
  const theme = thesaurus.resolveLoose(text);
  if (theme?.domain !== 'Autre') return theme;
  const key = longestMentioned(known.keys(), theme.key);
  const label = key === undefined ? undefined : known.get(key);
  return key && label ? { key, label, domain: 'Autre' } : undefined;
}
