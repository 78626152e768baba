import { describe, expect, it } from 'vitest';
import { isoWeekId, type Period, periodAt } from '../../src/core/standup/period.js';
import { DEFAULT_QUESTIONS, type StandupRitual, StandupRitualSchema } from '../../src/core/standup/ritual.js';

const TZ = 'Europe/Paris';
const LONG = { start: '2025-09-01', end: '2028-12-31' };

const ritual = (extra: Record<string, unknown> = {}): StandupRitual =>
  StandupRitualSchema.parse({ id: 'standup-eig7', kind: 'standup', promotion: 'eig7', ...extra });

const at = (iso: string): Date => new Date(iso);
const iso = (period: Period | undefined) =>
  period && {
    id: period.id,
    start: period.start,
    end: period.end,
    opensAt: period.opensAt.toISOString(),
    deadlineAt: period.deadlineAt.toISOString(),
    remindersAt: period.remindersAt.map((date) => date.toISOString()),
    digestAt: period.digestAt.toISOString(),
    movedFrom: period.movedFrom,
  };

describe('weekly stand-up periods', () => {
  it('schedules the week of 23 November 2026 in Paris time', () => {
    expect(iso(periodAt(ritual(), LONG, at('2026-11-25T12:00:00Z'), TZ))).toEqual({
      id: '2026-W48',
      start: '2026-11-23',
      end: '2026-11-29',
      opensAt: '2026-11-23T08:00:00.000Z',
      deadlineAt: '2026-11-27T14:00:00.000Z',
      remindersAt: ['2026-11-27T09:00:00.000Z', '2026-11-27T13:00:00.000Z'],
      digestAt: '2026-11-27T14:00:00.000Z',
      movedFrom: undefined,
    });
  });

  it('reads the local day, not the UTC one, at the edges of the week', () => {
    // Sunday 29 November 23:30 UTC is already Monday 30 November in Paris.
    expect(periodAt(ritual(), LONG, at('2026-11-29T23:30:00Z'), TZ)?.id).toBe('2026-W49');
    expect(periodAt(ritual(), LONG, at('2026-11-29T22:30:00Z'), TZ)?.id).toBe('2026-W48');
  });

  it('is right on both sides of the spring-forward Sunday (29 March 2026)', () => {
    const before = periodAt(ritual(), LONG, at('2026-03-29T10:00:00Z'), TZ);
    expect(before?.id).toBe('2026-W13');
    expect(before?.opensAt.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(before?.deadlineAt.toISOString()).toBe('2026-03-27T14:00:00.000Z');
    const after = periodAt(ritual(), LONG, at('2026-03-30T10:00:00Z'), TZ);
    expect(after?.id).toBe('2026-W14');
    expect(after?.opensAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(after?.deadlineAt.toISOString()).toBe('2026-04-03T13:00:00.000Z');
    expect(after?.remindersAt.map((date) => date.toISOString())).toEqual([
      '2026-04-03T08:00:00.000Z',
      '2026-04-03T12:00:00.000Z',
    ]);
  });

  it('is right on both sides of the fall-back Sunday (25 October 2026)', () => {
    const before = periodAt(ritual(), LONG, at('2026-10-25T10:00:00Z'), TZ);
    expect(before?.deadlineAt.toISOString()).toBe('2026-10-23T13:00:00.000Z');
    const after = periodAt(ritual(), LONG, at('2026-10-26T10:00:00Z'), TZ);
    expect(after?.opensAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(after?.deadlineAt.toISOString()).toBe('2026-10-30T14:00:00.000Z');
    expect(after?.digestAt.toISOString()).toBe('2026-10-30T14:00:00.000Z');
  });

  it('moves a deadline on a holiday to the previous working day, with its reminders', () => {
    // 1er mai 2026 is a Friday.
    expect(iso(periodAt(ritual(), LONG, at('2026-04-28T10:00:00Z'), TZ))).toMatchObject({
      id: '2026-W18',
      deadlineAt: '2026-04-30T13:00:00.000Z',
      remindersAt: ['2026-04-30T08:00:00.000Z', '2026-04-30T12:00:00.000Z'],
      digestAt: '2026-04-30T13:00:00.000Z',
      movedFrom: '2026-05-01',
    });
    // 14 juillet 2028 is a Friday.
    const bastille = periodAt(ritual(), LONG, at('2028-07-12T10:00:00Z'), TZ);
    expect(bastille?.deadlineAt.toISOString()).toBe('2028-07-13T13:00:00.000Z');
    // Noël 2026 is a Friday too.
    expect(periodAt(ritual(), LONG, at('2026-12-21T10:00:00Z'), TZ)?.deadlineAt.toISOString()).toBe(
      '2026-12-24T14:00:00.000Z',
    );
  });

  it('keeps a Friday deadline in the week of Ascension (Thursday 14 May 2026)', () => {
    const period = periodAt(ritual(), LONG, at('2026-05-12T10:00:00Z'), TZ);
    expect(period?.deadlineAt.toISOString()).toBe('2026-05-15T13:00:00.000Z');
    expect(period?.movedFrom).toBeUndefined();
  });

  it('moves a weekend deadline to the Friday', () => {
    const sunday = ritual({ deadline: { day: 'dimanche', time: '18:00' } });
    expect(periodAt(sunday, LONG, at('2026-11-25T12:00:00Z'), TZ)?.deadlineAt.toISOString()).toBe(
      '2026-11-27T17:00:00.000Z',
    );
  });

  it('has no stand-up when the deadline would move before the opening day', () => {
    const mondays = ritual({
      opens: { day: 'monday', time: '09:00' },
      deadline: { day: 'monday', time: '15:00' },
    });
    // Lundi de Pentecôte, 25 May 2026.
    expect(periodAt(mondays, LONG, at('2026-05-26T10:00:00Z'), TZ)).toBeUndefined();
    expect(periodAt(mondays, LONG, at('2026-05-19T10:00:00Z'), TZ)?.deadlineAt.toISOString()).toBe(
      '2026-05-18T13:00:00.000Z',
    );
  });

  it('drops reminders that are not before the deadline', () => {
    const early = ritual({ deadline: { day: 'friday', time: '12:00' } });
    const period = periodAt(early, LONG, at('2026-11-25T12:00:00Z'), TZ);
    expect(period?.remindersAt.map((date) => date.toISOString())).toEqual(['2026-11-27T09:00:00.000Z']);
    expect(period?.digestAt.toISOString()).toBe('2026-11-27T11:00:00.000Z');
  });
});

describe('daily stand-up periods', () => {
  const daily = ritual({ cadence: 'daily' });

  it('has none on Saturday and Sunday', () => {
    expect(periodAt(daily, LONG, at('2026-03-28T10:00:00Z'), TZ)).toBeUndefined();
    expect(periodAt(daily, LONG, at('2026-03-29T10:00:00Z'), TZ)).toBeUndefined();
  });

  it('opens and closes on the working day, in summer time after the change', () => {
    // 00:30 in Paris on Monday 30 March is still Sunday in UTC.
    expect(iso(periodAt(daily, LONG, at('2026-03-29T22:30:00Z'), TZ))).toEqual({
      id: '2026-03-30',
      start: '2026-03-30',
      end: '2026-03-30',
      opensAt: '2026-03-30T07:00:00.000Z',
      deadlineAt: '2026-03-30T13:00:00.000Z',
      remindersAt: ['2026-03-30T08:00:00.000Z', '2026-03-30T12:00:00.000Z'],
      digestAt: '2026-03-30T13:00:00.000Z',
      movedFrom: undefined,
    });
  });

  it('has none on a public holiday', () => {
    expect(periodAt(daily, LONG, at('2026-04-06T10:00:00Z'), TZ)).toBeUndefined();
  });
});

describe('stand-ups within the promotion', () => {
  const eig9 = { start: '2026-09-02', end: '2027-06-30' };

  it('anchors every-2-weeks blocks on the Monday of the promotion’s first week', () => {
    const fortnightly = ritual({ cadence: { weeks: 2 } });
    const first = periodAt(fortnightly, eig9, at('2026-09-10T10:00:00Z'), TZ);
    expect(first).toMatchObject({ id: '2026-W36', start: '2026-08-31', end: '2026-09-13' });
    expect(first?.opensAt.toISOString()).toBe('2026-08-31T07:00:00.000Z');
    expect(first?.deadlineAt.toISOString()).toBe('2026-09-11T13:00:00.000Z');
    const second = periodAt(fortnightly, eig9, at('2026-09-16T10:00:00Z'), TZ);
    expect(second).toMatchObject({ id: '2026-W38', start: '2026-09-14', end: '2026-09-27' });
    expect(second?.opensAt.toISOString()).toBe('2026-09-14T07:00:00.000Z');
    expect(second?.deadlineAt.toISOString()).toBe('2026-09-25T13:00:00.000Z');
    expect(periodAt(fortnightly, eig9, at('2026-09-26T10:00:00Z'), TZ)?.id).toBe('2026-W38');
  });

  it('has none before the promotion starts', () => {
    expect(periodAt(ritual(), eig9, at('2026-08-26T10:00:00Z'), TZ)).toBeUndefined();
    // The promotion starts on Wednesday 2 September: that week has its stand-up on the Friday.
    expect(periodAt(ritual(), eig9, at('2026-09-01T10:00:00Z'), TZ)?.deadlineAt.toISOString()).toBe(
      '2026-09-04T13:00:00.000Z',
    );
  });

  it('has none once the deadline would fall after the promotion’s end', () => {
    // Ends Wednesday 30 June 2027: the Friday of that week is after the end.
    expect(periodAt(ritual(), eig9, at('2027-06-28T10:00:00Z'), TZ)).toBeUndefined();
    expect(periodAt(ritual(), eig9, at('2027-07-07T10:00:00Z'), TZ)).toBeUndefined();
    expect(periodAt(ritual(), eig9, at('2027-06-21T10:00:00Z'), TZ)?.id).toBe('2027-W25');
  });
});

describe('calendar helpers', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeekId('2027-01-01')).toBe('2026-W53');
    expect(isoWeekId('2024-12-30')).toBe('2025-W01');
  });
});

describe('the stand-up ritual schema', () => {
  const base = { id: 'standup-eig7', kind: 'standup', promotion: 'eig7' };
  const messages = (extra: Record<string, unknown>): string[] =>
    StandupRitualSchema.safeParse({ ...base, ...extra }).error?.issues.map((issue) => issue.message) ?? [];

  it('fills every default', () => {
    expect(StandupRitualSchema.parse(base)).toEqual({
      ...base,
      cadence: 'weekly',
      opens: { day: 'monday', time: '09:00' },
      deadline: { day: 'friday', time: '15:00' },
      reminders: ['10:00', '14:00'],
      digest: '15:00',
      questions: DEFAULT_QUESTIONS,
    });
    expect(DEFAULT_QUESTIONS.map((question) => question.id)).toEqual([
      'meteo',
      'priorites',
      'difficultes',
      'aide',
    ]);
    expect(DEFAULT_QUESTIONS.filter((question) => question.help).map((question) => question.id)).toEqual([
      'aide',
    ]);
    expect(ritual({ opens: { time: '08:30' } }).opens).toEqual({ day: 'monday', time: '08:30' });
    expect(ritual({ deadline: { day: 'thursday', time: '12:00' } }).digest).toBe('12:00');
  });

  it('accepts day names in French and English, in any case', () => {
    const parsed = ritual({
      opens: { day: 'Lundi', time: '09:00' },
      deadline: { day: 'VENDREDI', time: '15:00' },
    });
    expect(parsed.opens.day).toBe('monday');
    expect(parsed.deadline.day).toBe('friday');
    expect(ritual({ deadline: { day: 'Thursday', time: '15:00' } }).deadline.day).toBe('thursday');
    expect(ritual({ deadline: { day: 'samedi', time: '15:00' } }).deadline.day).toBe('saturday');
    expect(messages({ deadline: { day: 'funday', time: '15:00' } })[0]).toContain('jour attendu');
  });

  it('refuses times not written HH:MM, in French', () => {
    for (const time of ['25:00', '9h', '3pm', '9:30', '12:60']) {
      expect(messages({ reminders: [time] })[0]).toContain('heure attendue au format HH:MM (ex. 09:30)');
    }
    expect(messages({ deadline: { day: 'friday', time: 15 } })[0]).toContain(
      'heure attendue au format HH:MM',
    );
  });

  it('refuses the daylight-saving hours 01:00–02:59', () => {
    expect(messages({ digest: '01:30' })).toEqual(['évitez 01:00–02:59, heures du changement d’heure']);
    expect(messages({ reminders: ['02:59'] })).toHaveLength(1);
    expect(messages({ reminders: ['01:00'] })).toHaveLength(1);
    expect(messages({ reminders: ['00:59', '03:00'] })).toEqual([]);
  });

  it('checks the questions', () => {
    const text = (id: string, help = false) => ({ id, label: { fr: 'Q', en: 'Q' }, kind: 'text', help });
    expect(messages({ questions: [text('a'), text('a')] })).toEqual(['question en double : a']);
    expect(messages({ questions: [text('a', true), text('b', true)] })[0]).toContain(
      'une seule question d’aide',
    );
    expect(messages({ questions: [] })).toEqual(['au moins une question']);
    expect(messages({ questions: [{ id: 'm', label: { fr: 'M', en: 'M' }, kind: 'choice' }] })[0]).toContain(
      'choices requis',
    );
    const [question] = ritual({ questions: [text('a')] }).questions;
    expect(question).toEqual({ ...text('a'), max: 500 });
    expect(messages({ questions: [{ ...text('a'), max: 3001 }] })).toHaveLength(1);
  });

  it('checks the cadence and the order of opening, deadline and digest', () => {
    expect(ritual({ cadence: { weeks: 3 } }).cadence).toEqual({ weeks: 3 });
    expect(messages({ cadence: { weeks: 9 } })[0]).toContain('cadence attendue');
    expect(messages({ cadence: 'monthly' })[0]).toContain('cadence attendue');
    expect(messages({ digest: '14:00' })[0]).toContain('récapitulatif');
    expect(messages({ opens: { day: 'friday', time: '16:00' } })[0]).toContain('ouverture');
    expect(messages({ cadence: 'daily', opens: { time: '16:00' } })[0]).toContain('ouverture');
    expect(messages({ promotion: undefined })).toEqual(['champ requis']);
    expect(messages({ channel: 'x' })).toHaveLength(1);
  });
});
