import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';

const README = new URL('../../README.md', import.meta.url).pathname;
const EXAMPLE = new URL('../../community.example.yml', import.meta.url).pathname;
const START = '<!-- shell-week:start -->';
const END = '<!-- shell-week:end -->';

/** The README's week in the shell: the text between its markers, inside its ```text fence. */
function readmeWeek(readme: string): string {
  const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END));
  const fenced = /```text\n([\s\S]*?)\n```/.exec(block)?.[1];
  if (!fenced) throw new Error(`no \`\`\`text block between ${START} and ${END} in README.md`);
  return fenced;
}

/** What a newcomer types: the lines after the prompt `› `. */
const typedLines = (transcript: string): string[] =>
  transcript
    .split('\n')
    .filter((line) => line.startsWith('› '))
    .map((line) => line.slice(2));

describe('the README’s week in the shell, replayed line by line', () => {
  let bot: RunningCohorte | undefined;
  afterAll(() => bot?.stop());

  it('prints exactly what the README shows, on the example community file', {
    timeout: 120_000,
  }, async () => {
    const transcript = readmeWeek(readFileSync(README, 'utf8'));
    // The week sets its own date (`:date`); a still base clock keeps every minute the README prints.
    bot = await startCohorte({
      name: 'readme-week',
      communityFile: EXAMPLE,
      clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    });
    bot.shellInput.end(`${typedLines(transcript).join('\n')}\n`);
    await bot.cohorte.ended();
    // An announcement's id is drawn at random (6 hex digits): the README's stands for whichever this run drew.
    const drawn = /Annonce ([0-9a-f]{6})/.exec(bot.shellOutput())?.[1] ?? '';
    const shown = /Annonce ([0-9a-f]{6})/.exec(transcript)?.[1] ?? '';
    expect(bot.shellOutput().replaceAll(`Annonce ${drawn}`, `Annonce ${shown}`).trimEnd()).toBe(transcript);
  });
});
