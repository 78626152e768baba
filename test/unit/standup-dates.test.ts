import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/core/errors.js';
import { translator } from '../../src/core/i18n/index.js';
import { toPlainText } from '../../src/core/message.js';
import { endAbsences, parseAbsence } from '../../src/core/standup/absence-dates.js';
import { periodDaysOf, periodHeading, periodsBetween } from '../../src/core/standup/history.js';
import { type StandupRitual, StandupRitualSchema } from '../../src/core/standup/ritual.js';
import { formatDay } from '../../src/core/time/format.js';
import { keyOf } from '../support/user-error.js';

const TZ = 'Europe/Paris';
const TODAY = '2026-11-25';
const EIG7 = { start: '2026-09-07', end: '2027-06-26' };

const ritual = (extra: Record<string, unknown> = {}): StandupRitual =>
  StandupRitualSchema.parse({ id: 'standup-eig7', kind: 'standup', promotion: 'eig7', ...extra });

describe('endAbsences (/standup present)', () => {
  it('keeps past absences, ends the one under way yesterday, drops those to come', () => {
    const past = { from: '2026-11-02', to: '2026-11-06' };
    const underWay = { from: '2026-11-23', to: '2026-11-27' };
    const toCome = { from: '2026-12-21', to: '2027-01-03' };
    expect(endAbsences([past, underWay, toCome], '2026-11-25')).toEqual({
      kept: [past, { from: '2026-11-23', to: '2026-11-24' }],
      ended: [{ from: '2026-11-25', to: '2026-11-27' }, toCome],
    });
  });
  it('an absence starting or ending today is given back whole or for today', () => {
    expect(endAbsences([{ from: '2026-11-25', to: '2026-11-25' }], '2026-11-25')).toEqual({
      kept: [],
      ended: [{ from: '2026-11-25', to: '2026-11-25' }],
    });
    expect(endAbsences([{ from: '2026-11-20', to: '2026-11-25' }], '2026-11-25').kept).toEqual([
      { from: '2026-11-20', to: '2026-11-24' },
    ]);
  });
});

describe('parseAbsence', () => {
  const show = (day: string) => day;

  it.each([
    ['21/12 03/01', { from: '2026-12-21', to: '2027-01-03' }],
    ['du 21/12 au 03/01', { from: '2026-12-21', to: '2027-01-03' }],
    ['  21/12   -   03/01 ', { from: '2026-12-21', to: '2027-01-03' }],
    ['07/12', { from: '2026-12-07', to: '2026-12-07' }],
    ['25/11 27/11', { from: '2026-11-25', to: '2026-11-27' }],
    ['2026-12-01 2027-12-01', { from: '2026-12-01', to: '2027-12-01' }],
  ])('reads %j', (args, absence) => {
    expect(parseAbsence(args, TODAY, show)).toEqual(absence);
  });

  it.each([
    ['', 'standup.absentUsage'],
    ['du au', 'standup.absentUsage'],
    ['01/12 02/12 03/12', 'standup.absentUsage'],
    ['31/02 05/03', 'standup.noSuchDate'],
    ['lundi vendredi', 'standup.badDate'],
    ['2026-11-20 2026-11-30', 'standup.absentPast'],
    ['24/11/2026', 'standup.absentPast'],
    ['30/11 27/11', 'standup.datesBackwards'],
    // A day-month that just went by is in the past, not next year; swapped day-months are not a year-long absence.
    ['23/11', 'standup.absentPast'],
    ['23/11 27/11', 'standup.absentPast'],
    ['27/11 26/11', 'standup.datesBackwards'],
    ['2026-12-01 2027-12-02', 'standup.absentTooLong'],
  ])('refuses %j with %s', (args, key) => {
    expect(keyOf(() => parseAbsence(args, TODAY, show))).toBe(key);
  });

  it('names the dates as people read them in its messages', () => {
    const french = (day: string) => formatDay(day, TZ, 'fr');
    try {
      parseAbsence('30/11 27/11', TODAY, french);
    } catch (error) {
      expect((error as UserError).params).toEqual({
        from: 'lundi 30 novembre 2026',
        to: 'vendredi 27 novembre 2026',
      });
    }
  });
});

describe('periodsBetween', () => {
  const ids = (from: string, to: string, r = ritual()) =>
    periodsBetween(r, EIG7, from, to, TZ).map((p) => p.id);

  it('lists every weekly period touching the range, once, oldest first', () => {
    expect(ids('2026-11-25', '2026-12-07')).toEqual(['2026-W48', '2026-W49', '2026-W50']);
    expect(ids('2026-11-23', '2026-11-23')).toEqual(['2026-W48']);
  });

  it('stays within the promotion', () => {
    expect(ids('2026-08-01', '2026-09-20')).toEqual(['2026-W37', '2026-W38']);
    expect(ids('2027-06-21', '2027-08-01')).toEqual(['2027-W25']);
    expect(ids('2026-12-10', '2026-12-01')).toEqual([]);
  });

  it('skips weekends and holidays of a daily ritual', () => {
    // 11 November 2026 (Armistice) is a Wednesday.
    expect(ids('2026-11-06', '2026-11-12', ritual({ cadence: 'daily' }))).toEqual([
      '2026-11-06',
      '2026-11-09',
      '2026-11-10',
      '2026-11-12',
    ]);
  });

  it('walks blocks of several weeks from the promotion’s first Monday', () => {
    const twoWeeks = ritual({ cadence: { weeks: 2 } });
    expect(ids('2026-09-07', '2026-10-04', twoWeeks)).toEqual(['2026-W37', '2026-W39']);
  });
});

describe('periodDaysOf and periodHeading', () => {
  it('finds a period’s days from its id', () => {
    expect(periodDaysOf(ritual(), '2026-W48')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(periodDaysOf(ritual(), '2026-W01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(periodDaysOf(ritual(), '2027-W01')).toEqual({ start: '2027-01-04', end: '2027-01-10' });
    expect(periodDaysOf(ritual({ cadence: { weeks: 2 } }), '2026-W37')).toEqual({
      start: '2026-09-07',
      end: '2026-09-20',
    });
    expect(periodDaysOf(ritual({ cadence: 'daily' }), '2026-11-23')).toEqual({
      start: '2026-11-23',
      end: '2026-11-23',
    });
    expect(periodDaysOf(ritual(), 'n’importe quoi')).toBeUndefined();
  });

  it('names a period as people read it, in French and English', () => {
    const days = { start: '2026-11-16', end: '2026-11-29' };
    const heading = (r: StandupRitual, locale: 'fr' | 'en') =>
      toPlainText(periodHeading(r, days, TZ, locale, translator(locale)));
    expect(heading(ritual(), 'fr')).toBe('Semaine du lundi 16 novembre 2026');
    expect(heading(ritual(), 'en')).toBe('Week of Monday 16 November 2026');
    expect(heading(ritual({ cadence: { weeks: 2 } }), 'fr')).toBe(
      'Période du lundi 16 novembre 2026 au dimanche 29 novembre 2026',
    );
    expect(heading(ritual({ cadence: 'daily' }), 'fr')).toBe('Journée du lundi 16 novembre 2026');
  });
});
