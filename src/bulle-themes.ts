import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { DOMAINS, normalizeTopic, type Theme } from './core/bulle/topics.js';
import { type CommunityProblem, issuePath, type Path, readYaml } from './yaml-problems.js';

/**
 * The themes file shipped with Cohorte, used when community.yml names none: read from the working directory, like
 * `community.example.yml`, so the sources (`npm start`) and the compiled build (`dist/`, the Docker image) find it.
 */
export const DEFAULT_THEMES_FILE = resolve('bulle-themes.yml');

const Words = z.array(z.string().trim().min(1, { error: 'ne doit pas être vide' })).default([]);
const ThemeSchema = z.strictObject({
  label: z.string().trim().min(1, { error: 'ne doit pas être vide' }),
  domain: z.enum(DOMAINS, { error: `domaine attendu : ${DOMAINS.join(', ')}` }),
  aliases: Words,
  related: Words,
});
const ThemesFileSchema = z.strictObject({ themes: z.array(ThemeSchema) });

/** The themes file named in community.yml (relative to it), or the shipped one. */
export const themesPath = (communityFile: string, configured: string | undefined): string =>
  configured ? resolve(dirname(communityFile), configured) : DEFAULT_THEMES_FILE;

/**
 * Reads and checks a themes file: shape, domains, and every `related` naming a theme of the file. Problems carry
 * the line of the offending node, like community.yml's.
 */
export function parseThemes(text: string): { themes: Theme[]; problems: CommunityProblem[] } {
  const { doc, syntaxProblems, lineOf } = readYaml(text);
  const problems: CommunityProblem[] = [...syntaxProblems];
  if (problems.length) return { themes: [], problems };
  const report = (path: Path, message: string) =>
    problems.push({ line: lineOf(path), path: path.join('.'), message });
  const parsed = ThemesFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report(
        issuePath(issue),
        issue.code === 'invalid_type' && issue.input === undefined ? 'champ obligatoire' : issue.message,
      );
    return { themes: [], problems };
  }
  const names = new Set(parsed.data.themes.flatMap((t) => [t.label, ...t.aliases].map(normalizeTopic)));
  parsed.data.themes.forEach((theme, t) => {
    theme.related.forEach((label, r) => {
      if (!names.has(normalizeTopic(label))) report(['themes', t, 'related', r], `thème inconnu : ${label}`);
    });
  });
  return { themes: parsed.data.themes, problems };
}

/** Loads a themes file; a missing file is one problem, not an exception. */
export function loadThemes(path: string): { themes: Theme[]; problems: CommunityProblem[] } {
  if (!existsSync(path))
    return {
      themes: [],
      problems: [{ line: undefined, path: 'bulloterie.themes', message: `fichier introuvable : ${path}` }],
    };
  return parseThemes(readFileSync(path, 'utf8'));
}
