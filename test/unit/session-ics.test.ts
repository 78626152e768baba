import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sessionIcs, sessionsFeed } from '../../src/core/sessions/calendar.js';
import type { Session } from '../../src/core/sessions/session.js';
import { aSession } from '../support/session-fixture.js';

const session = (date: string, extra: Partial<Session> = {}): Session =>
  aSession({
    id: date,
    date,
    address: '14 avenue Duquesne, 75007 Paris',
    agenda: 'Stand-up par défi; ateliers, retours\nDéjeuner',
    audience: { promotions: ['eig7'], mentors: true, alumni: false },
    createdAt: '2026-11-01T10:00:00Z',
    ...extra,
  });
const STAMP = new Date('2026-11-23T12:00:00Z');
const paris = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

describe('session calendars (RFC 5545, read back by ical.js)', () => {
  it('a session on each side of both daylight-saving changes shows at 09:30–17:30 Paris time', () => {
    const days = ['2026-03-26', '2026-04-02', '2026-10-22', '2026-10-29'];
    const { calendar, events } = parse(
      sessionsFeed(
        days.map((d) => session(d)),
        STAMP,
      ),
    );
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((e) => [paris(e.startDate.toJSDate()), paris(e.endDate.toJSDate())])).toEqual(
      days.map((d) => [`${d} 09:30`, `${d} 17:30`]),
    );
    // Summer and winter: 07:30 UTC then 08:30 UTC.
    expect(events[1]?.startDate.toJSDate().toISOString()).toBe('2026-04-02T07:30:00.000Z');
    expect(events[3]?.startDate.toJSDate().toISOString()).toBe('2026-10-29T08:30:00.000Z');
  });

  it('keeps text intact through escaping and folding (accents, commas, semicolons, line breaks)', () => {
    const long = 'Atelier « données ouvertes », retours;\n'.repeat(6);
    const text = sessionIcs(session('2026-12-03', { agenda: long, title: 'Journée, promo; EIG' }), STAMP);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const [event] = parse(text).events;
    expect(event?.summary).toBe('Journée, promo; EIG');
    expect(event?.description).toBe(long);
    expect(event?.location).toBe('Ségur, 14 avenue Duquesne, 75007 Paris');
  });

  it('keeps the UID across changes, raises SEQUENCE, and cancels with METHOD:CANCEL', () => {
    const first = parse(sessionIcs(session('2026-12-03'), STAMP));
    const moved = parse(sessionIcs(session('2026-12-03', { start: '10:00', sequence: 1 }), STAMP));
    const cancelled = parse(sessionIcs(session('2026-12-03', { sequence: 2, cancelled: true }), STAMP));
    expect(moved.events[0]?.uid).toBe(first.events[0]?.uid);
    expect(cancelled.events[0]?.uid).toBe(first.events[0]?.uid);
    expect([first, moved, cancelled].map((c) => c.events[0]?.sequence)).toEqual([0, 1, 2]);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.events[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(first.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  });
});
