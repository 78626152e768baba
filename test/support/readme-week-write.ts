import { readFileSync, writeFileSync } from 'node:fs';
import { playWeek, README, readmeWeek, withWeek } from './readme-week.js';

// `npm run readme-week`: after a change to what the shell prints, plays the README's week again and writes what
// the shell printed in its place (review the diff: it is what a newcomer will read).
const readme = readFileSync(README, 'utf8');
const { output, bot } = await playWeek(readmeWeek(readme));
await bot.stop();
writeFileSync(README, withWeek(readme, output));
process.stdout.write('README.md: the week in the shell is rewritten from a replay.\n');
