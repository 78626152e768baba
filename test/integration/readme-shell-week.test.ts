import { afterAll, describe, expect, it } from 'vitest';
import type { RunningCohorte } from '../support/cohorte.js';
import { playWeek, readmeWeek } from '../support/readme-week.js';

describe('the README’s week in the shell, replayed line by line', () => {
  let bot: RunningCohorte | undefined;
  afterAll(() => bot?.stop());

  it('prints exactly what the README shows, on the example community file', {
    timeout: 120_000,
  }, async () => {
    const week = readmeWeek();
    const played = await playWeek(week);
    bot = played.bot;
    // A change to what the shell prints: `npm run readme-week` rewrites the README's week from a replay.
    expect(played.output).toBe(week);
  });
});
