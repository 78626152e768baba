import type { Translate } from '../i18n/index.js';
import { type Rich, toPlainText } from '../message.js';
import type { Skill } from './store.js';
import { DOMAINS, type Domain, type Thesaurus } from './topics.js';

/** One topic of the map: who shares it and who wants to learn it (e-mails, each list sorted). */
export interface TopicOnMap {
  key: string;
  label: string;
  domain: Domain;
  share: string[];
  learn: string[];
}

/**
 * The topics of everyone's skills, one per key (the first label seen), in the map's order: by domain, then
 * label. Each list of people is sorted, so the map reads the same every time.
 */
export function topicsOnMap(skills: ReadonlyMap<string, readonly Skill[]>): TopicOnMap[] {
  const topics = new Map<string, TopicOnMap>();
  for (const [email, list] of skills) {
    for (const skill of list) {
      const topic = topics.get(skill.key) ?? {
        key: skill.key,
        label: skill.label,
        domain: skill.domain,
        share: [],
        learn: [],
      };
      topic[skill.kind].push(email);
      topics.set(skill.key, topic);
    }
  }
  for (const topic of topics.values()) {
    topic.share.sort();
    topic.learn.sort();
  }
  return [...topics.values()].sort(
    (a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain) || a.label.localeCompare(b.label),
  );
}

/**
 * The community's map: one line per topic, grouped by domain (Data, Design, Dev, Transverse, Autre), each saying who
 * shares it and who is curious. Names come from `nameOf`, sorted.
 */
export function bubbleMap(
  skills: ReadonlyMap<string, readonly Skill[]>,
  nameOf: (email: string) => string,
  t: Translate,
): Rich[] {
  const topics = topicsOnMap(skills);
  if (topics.length === 0) return [t('bulle.map.empty')];
  const names = (list: string[]) =>
    list.length
      ? list
          .map(nameOf)
          .sort((a, b) => a.localeCompare(b))
          .join(', ')
      : toPlainText(t('bulle.map.nobody'));
  const lines: Rich[] = [t('bulle.map.title')];
  for (const domain of DOMAINS) {
    const here = topics.filter((topic) => topic.domain === domain);
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

/** Whether more people share a topic than want to learn it, as many, or fewer. */
export type Balance = 'share' | 'even' | 'learn';

/** A topic placed on the bubble map: under its domain and its theme, with its size and its balance. */
export interface PlacedTopic extends TopicOnMap {
  /** The theme of the themes file the topic is, or mentions (« Python pour la data » → Python); none for free text. */
  theme: string | undefined;
  /** How many people: sharing, learning, or both. */
  people: number;
  balance: Balance;
}

/**
 * Places each topic under a domain and a theme for the bubble map (domain → theme → topic): a topic that is a
 * theme, or mentions one, goes under that theme and its domain; free text stays in its own domain, with no theme.
 * Sorted by domain, theme, then label.
 */
export function placeTopics(topics: readonly TopicOnMap[], thesaurus: Thesaurus): PlacedTopic[] {
  const placed = topics.map((topic): PlacedTopic => {
    const theme = thesaurus.resolveLoose(topic.label);
    const known = theme && theme.domain !== 'Autre' ? theme : undefined;
    const gap = topic.share.length - topic.learn.length;
    return {
      ...topic,
      domain: known?.domain ?? topic.domain,
      theme: known?.label,
      people: new Set([...topic.share, ...topic.learn]).size,
      balance: gap > 0 ? 'share' : gap < 0 ? 'learn' : 'even',
    };
  });
  return placed.sort(
    (a, b) =>
      DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain) ||
      (a.theme ?? '').localeCompare(b.theme ?? '') ||
      a.label.localeCompare(b.label),
  );
}
