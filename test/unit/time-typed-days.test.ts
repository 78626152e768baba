import { describe, expect, it } from 'vitest';
import { argumentWords, looksLikeDay, parseDay } from '../../src/core/time/typed-days.js';
import { keyOf } from '../support/user-error.js';

const TODAY = '2026-11-25';

describe('parseDay', () => {
  it.each([
    ['07/12', '2026-12-07'],
    ['7/12', '2026-12-07'],
    ['25/11', '2026-11-25'],
    ['24/11', '2027-11-24'],
    ['7/1', '2027-01-07'],
    ['29/02', '2028-02-29'],
    ['07/12/2026', '2026-12-07'],
    ['2026-12-07', '2026-12-07'],
    ['01/03/2025', '2025-03-01'],
  ])('reads %s on or after 25 November 2026 as %s', (word, day) => {
    expect(parseDay(word, TODAY, 'onOrAfter')).toBe(day);
  });

  it.each([
    ['30/11', '2025-11-30'],
    ['25/11', '2026-11-25'],
    ['01/09', '2026-09-01'],
    ['29/02', '2024-02-29'],
  ])('reads %s on or before 25 November 2026 as %s', (word, day) => {
    expect(parseDay(word, TODAY, 'onOrBefore')).toBe(day);
  });

  it.each(['31/02', '30/02', '31/04/2027', '29/02/2027', '2026-13-01', '00/12', '12/00'])(
    'says %s does not exist in the calendar',
    (word) => {
      expect(keyOf(() => parseDay(word, TODAY, 'onOrAfter'))).toBe('standup.noSuchDate');
    },
  );

  it.each(['demain', '12.12', '2026/12/07', '1/2/3', '07-12', '', '123/12'])(
    'says %j is not a date it understands',
    (word) => {
      expect(keyOf(() => parseDay(word, TODAY, 'onOrAfter'))).toBe('standup.badDate');
    },
  );

  it('tells dates from names and ids', () => {
    expect(['07/12', '2026-12-07', '1'].map(looksLikeDay)).toEqual([true, true, true]);
    expect(['eig7', 'lexiq', '@x', ''].map(looksLikeDay)).toEqual([false, false, false, false]);
  });

  it('drops the words people put around dates', () => {
    expect(argumentWords('du 1/12 AU 3/12')).toEqual(['1/12', '3/12']);
  });
});
