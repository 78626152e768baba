import { readFileSync } from 'node:fs';
import { DEFAULT_THEMES_FILE, parseThemes } from '../../src/bulle-themes.js';
import { createThesaurus, type Theme } from '../../src/core/bulle/topics.js';

/** The themes file shipped with Cohorte, parsed (a test fails loudly if it has a problem). */
export function shippedThemes(): Theme[] {
  const { themes, problems } = parseThemes(readFileSync(DEFAULT_THEMES_FILE, 'utf8'));
  if (problems.length) throw new Error(JSON.stringify(problems));
  return themes;
}

/** The thesaurus of the shipped themes file. */
export const shippedThesaurus = () => createThesaurus(shippedThemes());
