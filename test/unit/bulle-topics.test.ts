import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseThemes } from '../../src/bulle-themes.js';
import { loadCommunityFile, parseCommunity } from '../../src/community.js';
import { distance } from '../../src/core/bulle/distance.js';
import { createThesaurus, normalizeTopic, type Relation } from '../../src/core/bulle/topics.js';
import { knownTopics, understand } from '../../src/core/bulle/understand.js';
import { shippedThesaurus } from '../support/bulle-themes.js';
import { COMMUNITY_FILE } from '../support/cohorte.js';

const thesaurus = shippedThesaurus();
const relationOf = (a: string, b: string): Relation => {
  const [x, y] = [thesaurus.resolve(a), thesaurus.resolve(b)];
  if (!x || !y) throw new Error(`no topic in ${a} or ${b}`);
  return thesaurus.relation(x.key, y.key);
};

const TABLE: [string, string, Relation][] = [
  // Case, accents, punctuation, plurals, word order.
  ['Docker', 'docker', 'equal'],
  ['Accessibilité', 'accessibilite', 'equal'],
  ['Gestion de projets', 'projet, gestion', 'equal'],
  ['Données ouvertes', 'donnees   ouverte', 'equal'],
  ['Statistiques', 'statistique', 'equal'],
  ['Réseaux de neurones', 'reseau neurones', 'equal'],
  ['Bases de données', 'base de donnée', 'equal'],
  // Abbreviations and synonyms, French and English.
  ['JS', 'JavaScript', 'equal'],
  ['TS', 'TypeScript', 'equal'],
  ['ML', 'machine learning', 'equal'],
  ['apprentissage automatique', 'Machine Learning', 'equal'],
  ['a11y', 'accessibilité', 'equal'],
  ['accessibility', 'RGAA', 'equal'],
  ['k8s', 'Kubernetes', 'equal'],
  ['Postgres', 'PostgreSQL', 'equal'],
  ['GDPR', 'RGPD', 'equal'],
  ['données personnelles', 'RGPD', 'equal'],
  ['project management', 'gestion de projet', 'equal'],
  ['user research', 'recherche utilisateur', 'equal'],
  ['science des données', 'Data science', 'equal'],
  ['public speaking', 'prise de parole', 'equal'],
  ['dataviz', 'data visualization', 'equal'],
  ['Node', 'Node.js', 'equal'],
  ['Golang', 'Go', 'equal'],
  ['Scrum', 'agile', 'equal'],
  ['cybersécurité', 'sécurité informatique', 'equal'],
  // Close misspellings.
  ['Javascrpit', 'JavaScript', 'equal'],
  ['Pythn', 'Python', 'equal'],
  ['Kubernetis', 'k8s', 'equal'],
  ['accessibilté', 'a11y', 'equal'],
  // Related topics stay distinct from equal ones.
  ['SQL', 'PostgreSQL', 'related'],
  ['React', 'JavaScript', 'related'],
  ['Docker', 'Kubernetes', 'related'],
  ['Django', 'Python', 'related'],
  ['UX', 'UI', 'related'],
  ['Next.js', 'React', 'related'],
  ['Figma', 'design UI', 'related'],
  ['gestion de budget', 'gestion de budget public', 'related'],
  // Different.
  ['Java', 'JavaScript', 'different'],
  ['Python', 'Java', 'different'],
  ['R', 'Rust', 'different'],
  ['Vue', 'React', 'different'],
  ['Figma', 'Sketch', 'different'],
  ['SQL', 'Machine learning', 'different'],
  ['UX', 'DevOps', 'different'],
];

describe('one topic, however it is written', () => {
  it('has at least 40 pairs in the table', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));

  it.each(TABLE)('%s ~ %s: %s', (a, b, expected) => {
    expect(relationOf(a, b)).toBe(expected);
    expect(relationOf(b, a)).toBe(expected);
  });

  it('normalises case, accents, punctuation, plurals, filler words and word order', () => {
    expect(normalizeTopic('  Gestion DE Projets !')).toBe('gestion projet');
    expect(normalizeTopic('projet — gestion')).toBe('gestion projet');
    expect(normalizeTopic('Réseaux')).toBe('reseau');
    expect(normalizeTopic('...')).toBe('');
  });

  it('shows the theme’s label, domain, and says when it corrected a misspelling', () => {
    expect(thesaurus.resolve('js')).toEqual({ key: 'javascript', label: 'JavaScript', domain: 'Dev' });
    expect(thesaurus.resolve('Javascrpit')).toMatchObject({ label: 'JavaScript', corrected: true });
    expect(thesaurus.resolve('Tressage de paniers')).toEqual({
      key: 'panier tressage',
      label: 'Tressage de paniers',
      domain: 'Autre',
    });
  });

  it('finds the theme a stand-up help request mentions', () => {
    expect(thesaurus.resolveLoose('un avis RGPD sur le formulaire')?.label).toBe('RGPD');
    expect(thesaurus.resolveLoose('relire notre dossier')?.label).toBe('relire notre dossier');
  });

  it('counts swaps of two letters as one mistake, and gives up past the maximum', () => {
    expect(distance('docker', 'dokcer', 2)).toBe(1);
    expect(distance('python', 'pythn', 2)).toBe(1);
    expect(distance('javascript', 'java', 2)).toBe(3);
  });
});

describe('vouliez-vous dire … ?', () => {
  const known = knownTopics(
    new Map([['a@x.fr', [{ key: normalizeTopic('Tressage de paniers'), label: 'Tressage de paniers' }]]]),
  );

  it('suggests a topic already on the map for a new one written close to it', () => {
    expect(understand('Tresage de paniers', thesaurus, known)).toEqual({
      suggestion: { typed: 'Tresage de paniers', label: 'Tressage de paniers' },
    });
  });

  it('keeps the spelling with a trailing !, and takes a topic equal to a known one as it is', () => {
    expect(understand('Tresage de paniers !', thesaurus, known)).toMatchObject({
      topic: { label: 'Tresage de paniers' },
    });
    expect(understand('paniers, tressage', thesaurus, known)).toMatchObject({
      topic: { key: 'panier tressage' },
    });
  });
});

describe('the themes file', () => {
  it('can be extended: a coordinator’s theme is recognised with its synonyms', () => {
    const extended = createThesaurus([
      { label: 'Marchés publics', domain: 'Transverse', aliases: ['MAPA', 'appels d’offres'], related: [] },
    ]);
    expect(extended.resolve('appels d’offres')?.label).toBe('Marchés publics');
  });

  it('reports problems with their line: unknown domain, unknown related theme, missing label', () => {
    const text = [
      'themes:',
      '  - { label: Docker, domain: Dev, related: [Kubernetes] }',
      '  - label: Kubernetes',
      '    domain: Ops',
      '  - { domain: Data }',
    ].join('\n');
    const { problems } = parseThemes(text);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 4,
        path: 'themes.1.domain',
        message: expect.stringContaining('Data, Design'),
      }),
      expect.objectContaining({ line: 5, path: 'themes.2.label', message: 'champ obligatoire' }),
    ]);
    const related = parseThemes('themes:\n  - { label: Docker, domain: Dev, related: [Kubernetes] }\n');
    expect(related.problems).toEqual([
      { line: 2, path: 'themes.0.related.0', message: 'thème inconnu : Kubernetes' },
    ]);
  });
});

describe('community.yml: the bulloterie section', () => {
  const source = readFileSync(COMMUNITY_FILE, 'utf8');

  it('fills in the defaults, and the shipped themes file is read', () => {
    const community = loadCommunityFile(COMMUNITY_FILE);
    expect(community.bulloterie).toMatchObject({ maxOpen: 2, round: { day: 'monday', time: '09:30' } });
    expect(community.bulloterie.themes.map((t) => t.label)).toContain('JavaScript');
  });

  it('reports a wrong setting with its line', () => {
    const text = source.replace(
      'bulloterie: {}',
      'bulloterie:\n  max_open: 0\n  round: { day: jeudi, time: 25h }\n  couleur: bleu',
    );
    const result = parseCommunity(text, 'community.yml');
    const line = source.split('\n').indexOf('bulloterie: {}') + 1;
    expect(result.ok ? [] : result.problems.map((p) => [p.line, p.path])).toEqual([
      [line + 1, 'bulloterie.max_open'],
      [line + 2, 'bulloterie.round.time'],
      [line + 3, 'bulloterie.couleur'],
    ]);
  });

  it('stops the load when the themes file it names is missing or wrong, naming that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohorte-themes-'));
    try {
      const file = join(dir, 'community.yml');
      writeFileSync(file, source.replace('bulloterie: {}', 'bulloterie: { themes: themes.yml }'));
      expect(() => loadCommunityFile(file)).toThrow(/fichier introuvable : .*themes\.yml/);
      writeFileSync(join(dir, 'themes.yml'), 'themes:\n  - { label: Docker, domain: Ops }\n');
      expect(() => loadCommunityFile(file)).toThrow(/themes\.yml:2: themes\.0\.domain: domaine attendu/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
