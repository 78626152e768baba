import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvRecord, neutralizeFormula, toCsv } from '../../src/core/csv.js';
import { readCsv } from '../support/csv-read.js';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['simple', 'simple'],
    ['', ''],
    ['Inès, Léo', '"Inès, Léo"'],
    ['il a dit "oui"', '"il a dit ""oui"""'],
    ['ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['ligne 1\r\nligne 2', '"ligne 1\r\nligne 2"'],
    ['retour\r', '"retour\r"'],
    ['"', '""""'],
    ['Carto’Eau ; ☀️', 'Carto’Eau ; ☀️'],
  ])('writes %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});

describe('csvRecord and toCsv', () => {
  it('joins fields with commas and ends every record, the last one too, with CRLF', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });

  it('starts with the UTF-8 byte order mark only when asked', () => {
    expect(toCsv([['é']], { bom: true })).toBe(`${CSV_BOM}é\r\n`);
    expect(Buffer.from(toCsv([['é']], { bom: true }), 'utf8').subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(toCsv([['é']]).startsWith(CSV_BOM)).toBe(false);
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
    expect(toCsv([], { bom: true })).toBe(CSV_BOM);
  });

  it('round-trips awkward values through an independent reader', () => {
    const rows = [
      ['promotion', 'défi', 'réponse'],
      ['EIG 7', 'LexIQ, la recherche', 'a "citation", puis\nune ligne\r\net une autre'],
      ['', '""', ',,,'],
      ['Météo', '⛈️', ' espaces autour '],
    ];
    expect(readCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('neutralizeFormula', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '+33 1 23',
    '+33123456789',
    '-1+cmd|x',
    '-A1',
    '@SUM(A1)',
    '\tx',
    '\rx',
  ])('prefixes %j with a quote so a spreadsheet shows it as text', (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it.each(['recette', '', ' =pas au début', '☀️', '1+1'])('leaves %j as it is', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });

  it.each(['-3', '-1', '-2,5', '-0.75', '-1 234,5', '-1,234.5', '-12 %'])(
    'leaves the negative number %j as a number, so a spreadsheet shows it without a quote',
    (value) => {
      expect(neutralizeFormula(value)).toBe(value);
    },
  );

  it('leaves negative numbers as the pages write them (French and English), quoted only by RFC 4180', () => {
    const fr = new Intl.NumberFormat('fr', { maximumFractionDigits: 1 });
    const en = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    const cells = [fr.format(-2.5), fr.format(-1234.5), en.format(-1234.5), String(-3)];
    expect(toCsv([cells.map(neutralizeFormula)])).toBe(`"${cells[0]}","${cells[1]}","${cells[2]}",-3\r\n`);
  });
});
