import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { translate } from '../../src/core/i18n/index.js';
import { toPlainText } from '../../src/core/message.js';
import { checkAnswers, parseStandupText } from '../../src/core/standup/answers.js';
import { DEFAULT_QUESTIONS } from '../../src/core/standup/ritual.js';

const questions = DEFAULT_QUESTIONS.map((q) => ({ ...q }));
const parse = (text: string) => parseStandupText(text, questions, 'fr');
const failure = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserError) return toPlainText(translate('fr', error.key, error.params));
    throw error;
  }
  throw new Error('expected a UserError');
};

describe('/standup <texte>', () => {
  it('reads French labels, separated by semicolons', () => {
    expect(
      parse('météo: ☀️ ; priorités: recette du moteur ; difficultés: accès aux données ; aide: un avis RGPD'),
    ).toEqual({
      meteo: '☀️',
      priorites: 'recette du moteur',
      difficultes: 'accès aux données',
      aide: 'un avis RGPD',
    });
  });

  it('reads English labels, without accents, on separate lines, in any order', () => {
    expect(parse('Help: a DPO contact\nweather: 2\nWins: demo went well\nPriorities: ship v1')).toEqual({
      meteo: '🌤️',
      priorites: 'ship v1',
      difficultes: 'demo went well',
      aide: 'a DPO contact',
    });
    expect(parse('Besoin d’aide ? : relire la DPIA ; reussites: mise en prod')).toMatchObject({
      aide: 'relire la DPIA',
      difficultes: 'mise en prod',
    });
  });

  it('puts unlabelled text in the priorities, and keeps a colon that is not a label', () => {
    expect(parse('finir la recette ; réunion: mardi à 10h')).toEqual({
      priorites: 'finir la recette ; réunion: mardi à 10h',
    });
    expect(parse('priorités: A ; B')).toEqual({ priorites: 'A ; B' });
  });

  it('accepts an emoji without its variation selector, and refuses a météo that is not a choice', () => {
    expect(parse('météo: \u2600')).toEqual({ meteo: '☀️' });
    expect(failure('météo: beau')).toBe('« Météo » : choisissez parmi ☀️ 🌤️ ☁️ 🌧️ ⛈️ (ou leur numéro, de 1 à 5).');
  });

  it('refuses an answer over its limit, saying the limit and the length', () => {
    expect(failure(`aide: ${'x'.repeat(501)}`)).toBe(
      '« Besoin d’aide ? » fait 501 caractères ; la limite est de 500. Raccourcissez-le puis renvoyez-le.',
    );
    expect(parse(`aide: ${'x'.repeat(500)}`).aide).toHaveLength(500);
  });

  it('refuses text that names no question and says nothing; a bare label gives nothing', () => {
    expect(() => parse('  ;  ')).toThrow(expect.objectContaining({ key: 'standup.nothingTyped' }));
    expect(parse('aide:')).toEqual({});
  });
});

describe('/standup <texte> a second time in the same week', () => {
  const current = { meteo: '☀️', priorites: 'recette', aide: 'un avis RGPD' };
  it('replaces only the questions named, and keeps the others', () => {
    expect(parseStandupText('priorités: recette v2', questions, 'fr', current)).toEqual({
      meteo: '☀️',
      priorites: 'recette v2',
      aide: 'un avis RGPD',
    });
  });
  it('withdraws an answer given as a bare label', () => {
    expect(parseStandupText('aide:', questions, 'fr', current)).toEqual({ meteo: '☀️', priorites: 'recette' });
  });
});

describe('checkAnswers (the form)', () => {
  it('reports every problem by field, in the person’s language', () => {
    const { problems } = checkAnswers({ meteo: 'x', priorites: 'y'.repeat(600) }, questions, 'en');
    expect(problems.map((p) => [p.questionId, toPlainText(translate('en', p.key, p.params))])).toEqual([
      ['meteo', '“Weather”: pick one of ☀️ 🌤️ ☁️ 🌧️ ⛈️ (or its number, from 1 to 5).'],
      [
        'priorites',
        '“Priorities for the week” is 600 characters long; the limit is 500. Shorten it and send it again.',
      ],
    ]);
  });
});
