import { describe, expect, it } from 'vitest';
import { truncateBytes, utf8Length } from '../../src/core/split-rich.js';

describe('truncateBytes: limits a server counts in UTF-8 bytes (Go’s len())', () => {
  it('keeps a text that fits, counted in bytes and not in characters', () => {
    expect(truncateBytes('Besoin d’aide ?', 24)).toBe('Besoin d’aide ?');
    // 24 characters, 26 bytes: past the limit.
    expect(utf8Length('Réussites et difficultés')).toBe(26);
    expect(truncateBytes('Réussites et difficultés', 24)).toBe('Réussites et difficu…');
  });

  it('cuts between characters, never inside one, the ellipsis included in the bytes', () => {
    for (const text of ['é'.repeat(80), '☕'.repeat(60), '🌤️'.repeat(40), `a${'é'.repeat(80)}`]) {
      for (const max of [24, 25, 26, 128, 150]) {
        const cut = truncateBytes(text, max);
        expect(utf8Length(cut), `${text.slice(0, 4)}… in ${max}`).toBeLessThanOrEqual(max);
        expect(cut.endsWith('…')).toBe(true);
        expect(cut).not.toContain('\uFFFD');
        expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
      }
    }
  });
});
