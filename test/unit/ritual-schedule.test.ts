import { describe, expect, it } from 'vitest';
import { dueOccurrence, nextOccurrences } from '../../src/core/ritual/expand.js';
import { type ReminderRitual, ReminderRitualSchema } from '../../src/core/ritual/ritual.js';
import { schedulerPattern } from '../../src/core/ritual/schedule.js';
import { cronNext } from '../../src/queue/cron.js';

const TZ = 'Europe/Paris';
const ritual = (schedule: unknown, extra: Record<string, unknown> = {}): ReminderRitual =>
  ReminderRitualSchema.parse({ id: 'r', kind: 'reminder', message: 'Café !', schedule, ...extra });
const next = (r: ReminderRitual, after: string, count = 3, state?: { paused: boolean; skipped: string[] }) =>
  nextOccurrences(r, new Date(after), count, { timezone: TZ, cronNext, ...(state ? { state } : {}) }).map(
    (d) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }).format(d),
  );

describe('ritual schedules: next occurrences in Paris time', () => {
  it('weekly on given days keeps 09:30 local across the spring change (29 March 2026)', () => {
    const r = ritual({ days: ['vendredi', 'lundi'], time: '09:30' });
    expect(next(r, '2026-03-26T12:00:00Z')).toEqual([
      '2026-03-27 09:30',
      '2026-03-30 09:30',
      '2026-04-03 09:30',
    ]);
    // 09:30 is 08:30 UTC in winter, 07:30 UTC in summer.
    const [winter, summer] = nextOccurrences(r, new Date('2026-03-26T12:00:00Z'), 2, {
      timezone: TZ,
      cronNext,
    });
    expect([winter?.toISOString(), summer?.toISOString()]).toEqual([
      '2026-03-27T08:30:00.000Z',
      '2026-03-30T07:30:00.000Z',
    ]);
    expect(schedulerPattern(r.schedule)).toBe('30 9 * * 1,5');
  });

  it('every two weeks from an anchor week keeps its weeks and its local time across the autumn change (25 October)', () => {
    const r = ritual({ days: ['jeudi'], time: '17:00', every: 2, from: '2026-10-15' });
    expect(next(r, '2026-10-16T00:00:00Z')).toEqual([
      '2026-10-29 17:00',
      '2026-11-12 17:00',
      '2026-11-26 17:00',
    ]);
    expect(next(r, '2026-10-01T00:00:00Z', 1)).toEqual(['2026-10-15 17:00']);
  });

  it('every N weeks without an anchor is refused with what to add', () => {
    expect(() => ritual({ days: ['jeudi'], time: '17:00', every: 2 })).toThrow(/from/);
  });

  it('first Thursday of the month, on the 1st (October 2026) and on the 7th (January 2027)', () => {
    const r = ritual({ nth: 1, day: 'jeudi', time: '09:30' });
    expect(next(r, '2026-09-30T00:00:00Z')).toEqual([
      '2026-10-01 09:30',
      '2026-11-05 09:30',
      '2026-12-03 09:30',
    ]);
    expect(next(r, '2026-12-04T00:00:00Z', 1)).toEqual(['2027-01-07 09:30']);
  });

  it('the last Friday of the month', () => {
    const r = ritual({ nth: -1, day: 'friday', time: '16:00' });
    expect(next(r, '2026-03-01T00:00:00Z')).toEqual([
      '2026-03-27 16:00',
      '2026-04-24 16:00',
      '2026-05-29 16:00',
    ]);
  });

  it('cron read in Paris time across both changes, as BullMQ reads it', () => {
    const r = ritual({ cron: '0 10 * * 0' });
    expect(next(r, '2026-03-21T00:00:00Z')).toEqual([
      '2026-03-22 10:00',
      '2026-03-29 10:00',
      '2026-04-05 10:00',
    ]);
    // Sunday 1 November is All Saints' Day: left out.
    expect(next(r, '2026-10-17T00:00:00Z')).toEqual([
      '2026-10-18 10:00',
      '2026-10-25 10:00',
      '2026-11-08 10:00',
    ]);
  });

  it('skips French public holidays unless told not to: Monday 25 May 2026 is Whit Monday', () => {
    const skipping = ritual({ days: ['lundi'], time: '09:00' });
    expect(next(skipping, '2026-05-20T00:00:00Z', 2)).toEqual(['2026-06-01 09:00', '2026-06-08 09:00']);
    const keeping = ritual({ days: ['lundi'], time: '09:00' }, { skipHolidays: false });
    expect(next(keeping, '2026-05-20T00:00:00Z', 1)).toEqual(['2026-05-25 09:00']);
    // 1 November 2026 is a Sunday holiday: the cron occurrence goes too.
    expect(next(ritual({ cron: '0 10 * * 0' }), '2026-10-26T00:00:00Z', 1)).toEqual(['2026-11-08 10:00']);
  });

  it('stays within its active dates, and has none while paused', () => {
    const r = ritual({ days: ['mardi'], time: '10:00' }, { start: '2026-12-01', end: '2026-12-15' });
    expect(next(r, '2026-11-01T00:00:00Z', 5)).toEqual([
      '2026-12-01 10:00',
      '2026-12-08 10:00',
      '2026-12-15 10:00',
    ]);
    expect(next(r, '2026-11-01T00:00:00Z', 3, { paused: true, skipped: [] })).toEqual([]);
  });

  it('a skipped occurrence is left out, the next ones stay', () => {
    const r = ritual({ days: ['mardi'], time: '10:00' });
    const [first] = nextOccurrences(r, new Date('2026-12-01T12:00:00Z'), 1, { timezone: TZ, cronNext });
    const state = { paused: false, skipped: [first?.toISOString() ?? ''] };
    expect(next(r, '2026-12-01T12:00:00Z', 2, state)).toEqual(['2026-12-15 10:00', '2026-12-22 10:00']);
  });

  it('a firing scheduler posts only on a real occurrence, and up to an hour late', () => {
    const r = ritual({ nth: 1, day: 'jeudi', time: '09:30' });
    const due = (at: string) => dueOccurrence(r, new Date(at), { timezone: TZ, cronNext })?.toISOString();
    expect(due('2026-12-03T08:30:00.050Z')).toBe('2026-12-03T08:30:00.000Z');
    expect(due('2026-12-03T09:25:00Z')).toBe('2026-12-03T08:30:00.000Z');
    // The second Thursday fires the weekly cron, but is no occurrence.
    expect(due('2026-12-10T08:30:00.050Z')).toBeUndefined();
    expect(due('2026-12-03T09:45:00Z')).toBeUndefined();
  });

  it('only real calendar days are dates: no 31 February, no month 13 (from, start, end)', () => {
    const issues = (schedule: unknown, extra: Record<string, unknown> = {}) =>
      ReminderRitualSchema.safeParse({
        id: 'r',
        kind: 'reminder',
        message: 'Café !',
        schedule,
        ...extra,
      }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    const weekly = { days: ['jeudi'], time: '17:00' };
    expect(issues({ ...weekly, every: 2, from: '2026-02-31' })).toEqual([
      'schedule.from: date inexistante : 2026-02-31',
    ]);
    expect(issues(weekly, { start: '2026-13-01', end: '2027-02-29' })).toEqual([
      'start: date inexistante : 2026-13-01',
      'end: date inexistante : 2027-02-29',
    ]);
    expect(issues(weekly, { start: '2026-2-3' })).toEqual(['start: date attendue au format AAAA-MM-JJ']);
    expect(issues({ ...weekly, every: 2, from: '2028-02-29' }, { end: '2028-12-31' })).toEqual([]);
  });
});
