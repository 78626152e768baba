import { describe, expect, it } from 'vitest';
import { parseDuration, parseMoment } from '../../src/chat/shell/shell-clock.js';

const H = 3_600_000;

describe('the shell clock’s typed times', () => {
  it('reads :avance durations in days, hours and minutes, alone or together, a month at most', () => {
    expect(parseDuration('3j')).toBe(72 * H);
    expect(parseDuration('5h')).toBe(5 * H);
    expect(parseDuration('30min')).toBe(H / 2);
    expect(parseDuration('1j2h')).toBe(26 * H);
    expect(parseDuration('2 jours 30 minutes')).toBe(48.5 * H);
    for (const bad of ['', '3', 'j', '0h', '32j', '3j demain', '-1h'])
      expect(parseDuration(bad)).toBeUndefined();
  });

  it('reads a :date in the community’s timezone, 09:00 when no time is given, and refuses the rest', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(parseMoment('07/12/2026 08:55', 'Europe/Paris', now)?.toISOString()).toBe(
      '2026-12-07T07:55:00.000Z',
    );
    expect(parseMoment('2026-07-01', 'Europe/Paris', now)?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    for (const bad of ['', 'demain', '31/02/2027', '07/12/2026 25:00', '07/12/2026 9:00 en plus'])
      expect(parseMoment(bad, 'Europe/Paris', now)).toBeUndefined();
  });
});
