import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { DEFAULT_THEMES_FILE, parseThemes } from '../../src/bulle-themes.js';
import type { BulleRequest, Skill } from '../../src/core/bulle/store.js';
import { createThesaurus, type Theme, type Thesaurus } from '../../src/core/bulle/topics.js';
import type { CommunityData, DefiData, PersonEntry } from '../../src/core/roster/types.js';
import { createStores } from '../../src/store/index.js';
import { seededRandom } from './standup-community.js';

/**
 * The bulloterie benchmark's world, from a seeded generator (the parent seeding Redis and the child matching build
 * the same): 5,000 people (EIG of two current and two ended promotions in défis of 8, two mentors per défi,
 * alumni), 10 bubbles each (50,000), topics from the shipped themes and 3,000 free ones with a long tail, 2,000
 * open requests and 300 pairings in progress.
 */
export const PEOPLE = 5_000;
const SKILLS_PER_PERSON = 10;
export const OPEN_REQUESTS = 2_000;
const PAIRED = 300;
export const NOW = new Date('2026-11-23T09:30:00+01:00');

const WORDS =
  'budget achat marché contrat carte eau santé justice école emploi énergie climat forêt route fraude impôt aide social logement transport archive musée sport mer'.split(
    ' ',
  );
const TOOLS = 'outil méthode atelier tableau modèle guide analyse audit veille pilotage'.split(' ');

/** The shipped themes and their thesaurus. */
export function benchThemes(): { themes: Theme[]; thesaurus: Thesaurus } {
  const { themes } = parseThemes(readFileSync(DEFAULT_THEMES_FILE, 'utf8'));
  return { themes, thesaurus: createThesaurus(themes) };
}

/** The synthetic community: every e-mail, and the community data the roster reads. */
export function benchCommunity(themes: Theme[]): { emails: string[]; data: CommunityData } {
  const emails: string[] = [];
  const person = (kind: string): PersonEntry => {
    const email = `${kind}.${emails.length}@exemple.gouv.fr`;
    emails.push(email);
    return { email };
  };
  const promotions = [2023, 2024, 2025, 2026].map((year) => {
    const defis: DefiData[] = Array.from({ length: 125 }, (_, d) => ({
      id: `d${year}-${d}`,
      name: `Défi ${d}`,
      administration: 'Ministère',
      channel: `#d${year}-${d}`,
      eig: Array.from({ length: 8 }, () => person('eig')),
      mentors: [person('mentor'), person('mentor')],
    }));
    return { id: `eig${year}`, name: `EIG ${year}`, start: `${year}-09-01`, end: `${year + 1}-06-30`, defis };
  });
  const alumni = Array.from({ length: PEOPLE - emails.length }, () => person('alumni'));
  const data: CommunityData = {
    timezone: 'Europe/Paris',
    locale: 'fr',
    channels: { community: '#c', coordination: '#coord', alumni: '#alumni' },
    coordinators: [],
    promotions,
    alumni,
    standups: [],
    bulloterie: { themes, maxOpen: 2, round: { day: 'monday', time: '09:30' } },
  };
  return { emails, data };
}

/** Every person's bubbles (popular topics far more often than the tail) and the requests, as the store holds them. */
export function benchSkillsAndRequests(emails: string[], thesaurus: Thesaurus, themes: Theme[]) {
  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const free = Array.from(
    { length: 3_000 },
    (_, i) => `${pick(TOOLS)} ${pick(WORDS)} ${pick(WORDS)} ${i % 97}`,
  );
  const written = themes.flatMap((t) => [t.label, ...t.aliases]);
  // A long tail: the square of a uniform draw favours the start of each list.
  const topicText = () => {
    const list = random() < 0.6 ? written : free;
    return list[Math.floor(random() ** 2 * list.length)] ?? 'Docker';
  };
  const at = NOW.toISOString();
  const skills = new Map<string, Skill[]>();
  for (const email of emails) {
    const list: Skill[] = [];
    for (let i = 0; i < SKILLS_PER_PERSON; i++) {
      const topic = thesaurus.resolve(topicText());
      if (!topic) continue;
      list.push({
        kind: i % 2 ? 'learn' : 'share',
        key: topic.key,
        label: topic.label,
        domain: topic.domain,
        at,
        source: 'import',
      });
    }
    skills.set(email, list);
  }
  const request = (i: number, status: BulleRequest['status'], helper?: string): BulleRequest => {
    const topic = thesaurus.resolve(topicText()) ?? {
      key: 'docker',
      label: 'Docker',
      domain: 'Dev' as const,
    };
    return {
      id: `bench-${i}`,
      email: pick(emails),
      key: topic.key,
      label: topic.label,
      domain: topic.domain,
      details: '',
      source: 'chat',
      status,
      createdAt: new Date(NOW.getTime() - (OPEN_REQUESTS - i) * 60_000).toISOString(),
      updatedAt: at,
      candidates: [],
      tried: [],
      attempt: 0,
      ...(helper ? { helper } : {}),
    };
  };
  const requests = [
    ...Array.from({ length: OPEN_REQUESTS }, (_, i) => request(i, 'open')),
    ...Array.from({ length: PAIRED }, (_, i) => request(OPEN_REQUESTS + i, 'accepted', pick(emails))),
  ];
  return { skills, requests };
}

/**
 * Stores the world's bubbles and requests for `emails` (the synthetic community's, or any generated one's) under
 * `prefix`, 250 writes at a time. Returns how many bubbles, distinct topics and requests it stored.
 */
export async function seedBulle(redisUrl: string, prefix: string, emails: string[]) {
  const { themes, thesaurus } = benchThemes();
  const { skills, requests } = benchSkillsAndRequests(emails, thesaurus, themes);
  // No command timeout while seeding: on a busy machine, thousands of writes in flight may take a while.
  const redis = new Redis(redisUrl);
  const { bulle } = createStores(redis, prefix);
  let entries = 0;
  const people = [...skills];
  for (let i = 0; i < people.length; i += 250) {
    await Promise.all(
      people.slice(i, i + 250).flatMap(([email, list]) => list.map((skill) => bulle.addSkill(email, skill))),
    );
  }
  for (const list of skills.values()) entries += list.length;
  for (let i = 0; i < requests.length; i += 250)
    await Promise.all(requests.slice(i, i + 250).map((r) => bulle.create(r)));
  redis.disconnect();
  return {
    entries,
    topics: new Set([...skills.values()].flat().map((s) => s.key)).size,
    requests: requests.length,
  };
}
