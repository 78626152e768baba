import type { CommunityData, PersonEntry } from '../../src/core/roster/types.js';
import { type StandupRitual, StandupRitualSchema } from '../../src/core/standup/ritual.js';

/**
 * A synthetic community for the stand-up benchmarks: one promotion of N EIG spread over défis of 8–9, two mentors
 * per défi, and a weekly stand-up ritual with the default questions. Everything comes from a seeded generator, so
 * two runs (and a parent and its child process) build the same people and the same answers.
 */

/** A small deterministic generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Inès',
  'Thomas',
  'Chloé',
  'Léa',
  'Hugo',
  'Amina',
  'Jérôme',
  'Zoé',
  'Mehdi',
  'Clémence',
  'Raphaël',
  'Anaïs',
  'François',
  'Noémie',
  'Gaëlle',
  'Loïc',
  'Hélène',
  'Sébastien',
  'Océane',
  'Joël',
] as const;
const LAST_NAMES = [
  'Moreau',
  'Nguyen',
  'Lefèvre',
  'Bernard',
  'Diallo',
  'Petit',
  'Rousseau',
  'Benali',
  'Garnier',
  'Fontaine',
  'Chevalier',
  'Müller',
  'Dupré',
  'Léger',
  'Brébant',
  'Caron',
  'Perrière',
  'Mercier',
  'Gauthier',
  'Faure',
] as const;
const THEMES = [
  'la recherche dans la jurisprudence',
  'l’accès simplifié aux données de santé',
  'la cartographie des cours d’eau',
  'le suivi des signalements',
  'la détection des fraudes à la TVA',
  'l’aide à l’instruction des permis',
  'la qualité de l’air en temps réel',
  'l’orientation des élèves après la 3ᵉ',
] as const;
const SENTENCES = [
  'Finaliser la démonstration du prototype pour le comité de pilotage de jeudi',
  'Rédiger la note de cadrage avec l’équipe métier et la faire relire',
  'Nettoyer le jeu de données des déclarations : doublons, dates mal formées, accents perdus',
  'Préparer l’atelier utilisateurs à la préfecture (12 agents, 2 heures)',
  'Déployer la nouvelle version de l’API sur l’environnement de recette',
  'Écrire les tests de bout en bout du parcours « dépôt d’un dossier »',
  'Réussite : la première mise en production s’est bien passée, merci à l’équipe SI',
  'Difficulté : l’accès aux données est encore bloqué par la DPO, relance envoyée lundi',
  'Le modèle de classification atteint 87 % de précision sur l’échantillon annoté',
  'Point hebdomadaire avec la mentore : on priorise l’accessibilité (RGAA) avant l’été',
  'Migrer l’hébergement vers l’offre souveraine, en attente du devis',
  'Présenter les résultats à la direction générale, support à terminer',
] as const;
const HELP_SENTENCES = [
  'Quelqu’un a-t-il déjà négocié une convention d’accès aux données avec la CNIL ?',
  'Je cherche un binôme pour relire un schéma de base PostgreSQL (partitionnement)',
  'Besoin d’un retour sur l’ergonomie du formulaire, 30 minutes suffiraient',
  'Qui connaît bien le DSFR et les composants React accessibles ?',
  'Un conseil pour déployer un modèle de NLP sans GPU sur l’infrastructure du ministère ?',
] as const;
const MOODS = ['☀️', '🌤️', '☁️', '🌧️', '⛈️'] as const;

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

/** Lower case, no accents, letters only: « Lefèvre » → `lefevre`, for e-mail addresses. */
const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** French sentences joined with `. `, between `min` and `max` characters (accents, apostrophes, quotes). */
export function frenchText(
  random: () => number,
  min: number,
  max: number,
  bank: readonly string[] = SENTENCES,
): string {
  const target = min + Math.floor(random() * (max - min + 1));
  let text: string = pick(random, bank);
  while (text.length < target) text = `${text}. ${pick(random, bank)}`;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A help request's text, 60–200 characters. */
export const helpText = (random: () => number): string => frenchText(random, 60, 200, HELP_SENTENCES);

/** A météo answer, as the form stores it (one of the default choices). */
export const moodOf = (random: () => number): string => pick(random, MOODS);

/** One EIG of the synthetic community, with the défi they belong to. */
export interface SyntheticEig {
  email: string;
  name: string;
  defiId: string;
}

/** The community file's content (what `community.yml` would hold), with the rituals as written. */
export interface SyntheticCommunityFile extends Omit<CommunityData, 'standups'> {
  rituals: Record<string, unknown>[];
}

/** What {@link syntheticCommunity} builds: the file, the parsed data the core reads, and the EIG in file order. */
export interface SyntheticCommunity {
  file: SyntheticCommunityFile;
  data: CommunityData;
  ritual: StandupRitual;
  eig: SyntheticEig[];
}

/**
 * One promotion (`promo-bench`, from `start` to `end`) of `eig` EIG in `defis` défis (sizes differ by one at most,
 * larger first), two mentors each, and its weekly stand-up ritual `standup-bench`, parsed with
 * {@link StandupRitualSchema} (default questions and times). Every EIG has a name with accents and a unique
 * ASCII e-mail.
 */
export function syntheticCommunity(options: {
  eig: number;
  defis: number;
  start: string;
  end: string;
}): SyntheticCommunity {
  const eig: SyntheticEig[] = [];
  const defis = Array.from({ length: options.defis }, (_, d) => {
    const id = `defi-${String(d + 1).padStart(2, '0')}`;
    const size = Math.floor(options.eig / options.defis) + (d < options.eig % options.defis ? 1 : 0);
    const members: PersonEntry[] = Array.from({ length: size }, () => {
      const i = eig.length;
      const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Camille';
      const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Martin';
      const person = {
        email: `${ascii(first)}.${ascii(last)}.${String(i).padStart(3, '0')}@beta.gouv.fr`,
        name: `${first} ${last}`,
      };
      eig.push({ ...person, defiId: id });
      return person;
    });
    return {
      id,
      name: `Défi ${d + 1} : ${THEMES[d % THEMES.length] ?? 'un défi'}`,
      administration: `Ministère n° ${(d % 12) + 1}`,
      channel: `#${id}`,
      eig: members,
      mentors: [
        { email: `mentor.a.${id}@administration.gouv.fr`, name: `Mentore ${d + 1} A` },
        { email: `mentor.b.${id}@administration.gouv.fr` },
      ],
    };
  });
  const rawRitual = { id: 'standup-bench', kind: 'standup', promotion: 'promo-bench' };
  const ritual = StandupRitualSchema.parse(rawRitual);
  const common = {
    timezone: 'Europe/Paris',
    locale: 'fr' as const,
    channels: { community: '#eig-communaute', coordination: '#eig-coordination', alumni: '#eig-alumni' },
    coordinators: [{ email: 'claire.dubois@beta.gouv.fr', name: 'Claire Dubois' }],
    promotions: [{ id: 'promo-bench', name: 'EIG Bench', start: options.start, end: options.end, defis }],
    alumni: [],
  };
  return { file: { ...common, rituals: [rawRitual] }, data: { ...common, standups: [ritual] }, ritual, eig };
}
