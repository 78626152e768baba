import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  easterSunday,
  frenchHolidays,
  holidayOn,
  isHoliday,
  isoWeekday,
  isWorkingDay,
} from '../../src/core/time/days.js';

const dates = (year: number): string[] => frenchHolidays(year).map((holiday) => holiday.date);

describe('French public holidays', () => {
  it('computes Easter with the Gregorian algorithm', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });

  it('lists the 11 holidays of 2026, sorted, with their French names', () => {
    expect(frenchHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Jour de l’an' },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('moves the Easter-based holidays with Easter (2027, 2024)', () => {
    // Easter 28 March 2027: Ascension (6 May) comes before the 8 May.
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
    expect(dates(2024)).toContain('2024-04-01');
    expect(dates(2024)).toContain('2024-05-09');
    expect(dates(2024)).toContain('2024-05-20');
    expect(dates(2024)).toHaveLength(11);
  });

  it('cannot be corrupted by a caller mutating the returned list', () => {
    const list = frenchHolidays(2026);
    list.pop();
    if (list[0]) list[0].date = '2026-01-02';
    expect(frenchHolidays(2026)).toHaveLength(11);
    expect(isHoliday('2026-01-01')).toBe(true);
  });

  it('tells holidays and working days apart', () => {
    expect(holidayOn('2026-05-25')).toEqual({ date: '2026-05-25', name: 'Lundi de Pentecôte' });
    expect(holidayOn('2026-05-26')).toBeUndefined();
    expect(isHoliday('2026-05-14')).toBe(true);
    expect(isHoliday('2026-05-15')).toBe(false);

    expect(isWorkingDay('2026-05-01')).toBe(false); // Fête du Travail, a Friday
    expect(isWorkingDay('2026-04-30')).toBe(true);
    expect(isWorkingDay('2026-05-14')).toBe(false); // Ascension, a Thursday
    expect(isWorkingDay('2026-05-15')).toBe(true);
    expect(isWorkingDay('2026-03-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-29')).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-30')).toBe(true);
    expect(isWorkingDay('2028-07-14')).toBe(false); // Fête nationale, a Friday
  });

  it('does calendar arithmetic on yyyy-MM-dd days, and refuses what is not one', () => {
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(calendarDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(() => isHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('1/5/2026')).toThrow(RangeError);
  });
});
