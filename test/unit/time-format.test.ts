import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../src/core/time/format.js';

describe('dates as people read them', () => {
  it('uses the community timezone and a 24-hour clock, across both daylight-saving changes', () => {
    expect(formatDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Paris', 'fr')).toBe(
      'dimanche 29 mars 2026 à 01:30',
    );
    expect(formatDateTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris', 'fr')).toBe(
      'dimanche 29 mars 2026 à 03:30',
    );
    expect(formatDateTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Paris', 'fr')).toBe(
      'dimanche 25 octobre 2026 à 02:30',
    );
    expect(formatDateTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Paris', 'fr')).toBe(
      'dimanche 25 octobre 2026 à 02:30',
    );
    expect(formatDateTime(new Date('2026-11-24T06:00:00Z'), 'Europe/Paris', 'en')).toBe(
      'Tuesday 24 November 2026 at 07:00',
    );
  });

  it('gives the local day, not the UTC one, near midnight', () => {
    expect(formatDate(new Date('2026-06-30T22:30:00Z'), 'Europe/Paris', 'fr')).toBe(
      'mercredi 1er juillet 2026',
    );
  });
});
