import { describe, expect, it } from 'vitest';
import { placeTopics, topicsOnMap } from '../../src/core/bulle/map.js';
import type { Skill } from '../../src/core/bulle/store.js';
import { shippedThesaurus } from '../support/bulle-themes.js';

const thesaurus = shippedThesaurus();

/** A skill as the store keeps it, its topic read as the commands read it. */
function skill(kind: Skill['kind'], typed: string): Skill {
  const topic = thesaurus.resolve(typed);
  if (!topic) throw new Error(`no topic in ${typed}`);
  return { kind, key: topic.key, label: topic.label, domain: topic.domain, at: '', source: 'chat' };
}

describe('the bubble map’s places: domain → theme → skill', () => {
  const placed = placeTopics(
    topicsOnMap(
      new Map([
        [
          'a@x.fr',
          [
            skill('share', 'Python'),
            skill('share', 'Tressage de paniers'),
            skill('share', 'SQL'),
            skill('learn', 'SQL'),
          ],
        ],
        ['b@x.fr', [skill('learn', 'Python pour la data'), skill('learn', 'SQL')]],
        ['c@x.fr', [skill('share', 'Python pour la data')]],
      ]),
    ),
    thesaurus,
  );
  const row = (label: string) => placed.find((t) => t.label === label);

  it('puts a theme under its domain, and free text mentioning a theme under that theme', () => {
    expect(row('Python')).toMatchObject({ domain: 'Dev', theme: 'Python' });
    expect(row('Python pour la data')).toMatchObject({ domain: 'Dev', theme: 'Python' });
    expect(row('Tressage de paniers')).toMatchObject({ domain: 'Autre', theme: undefined });
    expect(placed.map((t) => t.label)).toEqual([
      'SQL',
      'Python',
      'Python pour la data',
      'Tressage de paniers',
    ]);
  });

  it('counts people once, and says which side is bigger', () => {
    expect(row('Python pour la data')).toMatchObject({ people: 2, balance: 'even' });
    expect(row('SQL')).toMatchObject({
      people: 2,
      share: ['a@x.fr'],
      learn: ['a@x.fr', 'b@x.fr'],
      balance: 'learn',
    });
    expect(row('Python')).toMatchObject({ people: 1, balance: 'share' });
  });
});
