import { readFileSync } from 'node:fs';
import { type RunningCohorte, startCohorte } from './cohorte.js';

/** The README, whose shell section shows a week played in the shell. */
export const README = new URL('../../README.md', import.meta.url).pathname;
const EXAMPLE = new URL('../../community.example.yml', import.meta.url).pathname;
const START = '<!-- shell-week:start -->';
const END = '<!-- shell-week:end -->';
const FENCE = /(```text\n)([\s\S]*?)(\n```)/;
/** An announcement's id is drawn at random (6 hex digits). */
const ANNOUNCEMENT_ID = /Annonce ([0-9a-f]{6})/;

/** Where the week is in the README: the ```text block between its markers. */
function weekBounds(readme: string): { from: number; to: number } {
  const start = readme.indexOf(START);
  const block = FENCE.exec(readme.slice(start, readme.indexOf(END)));
  if (start < 0 || !block) throw new Error(`no \`\`\`text block between ${START} and ${END} in README.md`);
  const from = start + block.index + (block[1] as string).length;
  return { from, to: from + (block[2] as string).length };
}

/** The week as the README shows it. */
export function readmeWeek(readme = readFileSync(README, 'utf8')): string {
  const { from, to } = weekBounds(readme);
  return readme.slice(from, to);
}

/** The README with another week in its place. */
export function withWeek(readme: string, week: string): string {
  const { from, to } = weekBounds(readme);
  return `${readme.slice(0, from)}${week}${readme.slice(to)}`;
}

/**
 * Plays the lines typed in `transcript` (those after the prompt `› `) in the real bot's shell, on the example
 * community file, from a still clock (the week sets its own date with `:date`, and no minute moves by itself).
 * Returns what the shell printed, the announcement's random id written as `transcript` has it, line ends plain.
 */
export async function playWeek(transcript: string): Promise<{ output: string; bot: RunningCohorte }> {
  const typed = transcript
    .split('\n')
    .filter((line) => line.startsWith('› '))
    .map((line) => line.slice(2));
  const bot = await startCohorte({
    name: 'readme-week',
    communityFile: EXAMPLE,
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
  });
  bot.shellInput.end(`${typed.join('\n')}\n`);
  await bot.cohorte.ended();
  const drawn = ANNOUNCEMENT_ID.exec(bot.shellOutput())?.[1];
  const shown = ANNOUNCEMENT_ID.exec(transcript)?.[1];
  // Attachments keep their own line ends (an .ics ends its lines with CRLF); the README has plain lines.
  const output = bot.shellOutput().replace(/\r\n/g, '\n').trimEnd();
  return {
    output: drawn && shown ? output.replaceAll(`Annonce ${drawn}`, `Annonce ${shown}`) : output,
    bot,
  };
}
