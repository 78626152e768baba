import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/en.js';
import { fr } from '../../src/core/i18n/fr.js';
import { isLocale, LOCALES, type MessageKey, translate, translator } from '../../src/core/i18n/index.js';
import type { Rich } from '../../src/core/message.js';

const frKeys = Object.keys(fr) as MessageKey[];
const catalogs = { fr: fr as Record<MessageKey, string>, en };

const placeholders = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1] as string))].sort();
const count = (template: string, marker: string): number => template.split(marker).length - 1;
/** Every parameter of a template filled with a harmless word, so any key can be translated. */
const dummyParams = (template: string): Record<string, string> =>
  Object.fromEntries(placeholders(template).map((name) => [name, 'X']));

describe('i18n catalogs', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual([...frKeys].sort());
  });

  it.each(frKeys)('%s: same {parameters} in French and English', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(fr[key]));
  });

  it.each(frKeys)('%s: same number of * and ` markers in French and English', (key) => {
    expect(count(en[key], '*')).toBe(count(fr[key], '*'));
    expect(count(en[key], '`')).toBe(count(fr[key], '`'));
  });

  it('has no empty string in either catalog', () => {
    for (const locale of LOCALES) {
      const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === '');
      expect(empty, `${locale}: ${empty.map(([k]) => k).join(', ')}`).toEqual([]);
    }
  });

  it('leaves no stray markup marker in the text of any translated entry', () => {
    for (const locale of LOCALES) {
      for (const key of frKeys) {
        const rich = translate(locale, key, dummyParams(catalogs[locale][key]));
        const stray = rich.filter((p) => p.kind === 'plain' && /[*`]/.test(p.text));
        expect(stray, `${locale} ${key}`).toEqual([]);
      }
    }
  });
});

describe('translate: words agree with the numbers they follow', () => {
  it.each([
    ['fr', 1, '1 personne vient.'],
    ['fr', 2, '2 personnes viennent.'],
    ['en', 1, '1 person coming.'],
    ['en', 2, '2 people coming.'],
  ] as const)('%s, %i coming', (locale, yes, end) => {
    const text = translate(locale, 'session.morning', {
      title: 'T',
      start: '9',
      end: '10',
      where: 'Ici',
      yes,
    });
    expect(text.map((piece) => piece.text).join('')).toMatch(new RegExp(`${end.replace('.', '\\.')}$`));
  });

  it('says « 1 destinataire » and « 1 canal », never « (s) » in either catalog', () => {
    const preview = translate('fr', 'announcement.previewCount', {
      total: 1,
      dms: 0,
      channels: 1,
      audience: 'lexiq',
      when: '',
    });
    expect(preview.map((piece) => piece.text).join('')).toBe(
      '1 destinataire : 0 en message privé, 1 canal (lexiq). ',
    );
    for (const locale of LOCALES)
      expect(Object.values(catalogs[locale]).filter((text) => text.includes('(s)'))).toEqual([]);
  });
});

describe('translate', () => {
  it('turns *x* into a bold piece', () => {
    expect(translate('fr', 'help.title')).toEqual([
      { kind: 'bold', text: 'Cohorte' },
      { kind: 'plain', text: ' : ce que vous pouvez faire' },
    ]);
  });

  it('turns backticks into code pieces', () => {
    expect(translate('fr', 'lang.usage')).toEqual([
      { kind: 'plain', text: 'Usage : ' },
      { kind: 'code', text: '/cohorte langue fr' },
      { kind: 'plain', text: ' ou ' },
      { kind: 'code', text: '/cohorte langue en' },
      { kind: 'plain', text: '.' },
    ]);
  });

  it('fills parameters inside markup', () => {
    expect(translate('fr', 'error.internal', { ref: 'abc123' })).toEqual([
      { kind: 'plain', text: 'Une erreur est survenue de notre côté (réf. ' },
      { kind: 'code', text: 'abc123' },
      { kind: 'plain', text: '). L’équipe peut la retrouver avec cette référence.' },
    ]);
  });

  it.each(['*gras*', '<!channel>', '`x`', '_italique_', '{roles}'])(
    'keeps a parameter holding %s as one literal plain piece',
    (value) => {
      expect(translate('fr', 'me.roles', { roles: value })).toEqual([
        { kind: 'plain', text: 'Rôles : ' },
        { kind: 'plain', text: value },
      ]);
    },
  );

  it('keeps a parameter holding markup literal inside a bold span', () => {
    expect(translate('fr', 'me.title', { name: '*gras* `x`', email: '<!channel>' })).toEqual([
      { kind: 'bold', text: '*gras* `x`' },
      { kind: 'plain', text: ' (' },
      { kind: 'plain', text: '<!channel>' },
      { kind: 'plain', text: ')' },
    ]);
  });

  it('does not read $ patterns of a parameter as replacement patterns', () => {
    const [piece] = translate('fr', 'error.internal', { ref: "$&$'$`" }).filter((p) => p.kind === 'code');
    expect(piece).toEqual({ kind: 'code', text: "$&$'$`" });
  });

  it('formats numbers given as parameters', () => {
    const text = translate('fr', 'roster.synced', { resolved: 12, missing: 0, list: '' })
      .map((p) => p.text)
      .join('');
    expect(text).toBe('Annuaire : 12 personnes trouvées sur la messagerie, 0 introuvable.');
  });

  it('throws on a missing parameter, naming it', () => {
    expect(() => translate('fr', 'me.roles')).toThrow('{roles}');
    expect(() => translate('en', 'error.internal', {})).toThrow('{ref}');
    expect(() => translate('fr', 'role.granted', { email: 'a@b.fr', role: 'EIG' })).toThrow('{defi}');
  });

  it('inserts rich parameters as they are', () => {
    const defi: Rich = [
      { kind: 'plain', text: ' pour ' },
      { kind: 'link', url: 'https://beta.gouv.fr/lexiq', text: 'LexIQ' },
    ];
    expect(translate('fr', 'role.granted', { email: 'a@b.fr', role: 'mentor', defi })).toEqual([
      { kind: 'plain', text: 'C’est fait : ' },
      { kind: 'plain', text: 'a@b.fr' },
      { kind: 'plain', text: ' a maintenant le rôle ' },
      { kind: 'bold', text: 'mentor' },
      ...defi,
      { kind: 'plain', text: '.' },
    ]);
  });

  it('speaks the locale it is bound to', () => {
    expect(translator('en')('forget.no')).toEqual([{ kind: 'plain', text: 'Cancel' }]);
    expect(translator('fr')('forget.no')).toEqual([{ kind: 'plain', text: 'Annuler' }]);
  });

  it('recognises only supported locales', () => {
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('xx')).toBe(false);
    expect(isLocale('FR')).toBe(false);
  });
});
