import type { Translate } from '../i18n/index.js';
import { type Rich, toPlainText } from '../message.js';
import type { Skill } from './store.js';
import { DOMAINS } from './topics.js';

/**
 * The community's map: one line per topic, grouped by domain (Data, Design, Dev, Transverse, Autre), each saying who
 * shares it and who is curious. Names come from `nameOf`; topics and names are sorted, so the map reads the same
 * every time.
 */
export function bubbleMap(
  skills: ReadonlyMap<string, readonly Skill[]>,
  nameOf: (email: string) => string,
  t: Translate,
): Rich[] {
  const topics = new Map<
    string,
    { label: string; domain: Skill['domain']; share: string[]; learn: string[] }
  >();
  for (const [email, list] of skills) {
    for (const skill of list) {
      const topic = topics.get(skill.key) ?? {
        label: skill.label,
        domain: skill.domain,
        share: [],
        learn: [],
      };
      topic[skill.kind].push(nameOf(email));
      topics.set(skill.key, topic);
    }
  }
  if (topics.size === 0) return [t('bulle.map.empty')];
  const names = (list: string[]) =>
    list.length ? list.sort((a, b) => a.localeCompare(b)).join(', ') : toPlainText(t('bulle.map.nobody'));
  const lines: Rich[] = [t('bulle.map.title')];
  for (const domain of DOMAINS) {
    const here = [...topics.values()]
      .filter((topic) => topic.domain === domain)
      .sort((a, b) => a.label.localeCompare(b.label));
    if (here.length === 0) continue;
    lines.push([{ kind: 'bold', text: toPlainText(t(`bulle.domain.${domain}`)) }]);
    for (const topic of here)
      lines.push(
        t('bulle.map.topic', {
          topic: topic.label,
          sharers: names(topic.share),
          learners: names(topic.learn),
        }),
      );
  }
  return lines;
}
