import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.git', 'tmp']);
const TEXT = new Set(['.ts', '.mjs', '.md', '.yml', '.yaml', '.json', '.example', '']);

/** Every text file we wrote: the copies in test/fixtures/ keep their authors' wording (its README says whose). */
function ours(dir = ''): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : ours(path);
    // Files only: a worktree's node_modules may be a symbolic link.
    if (!entry.isFile() || entry.name === 'package-lock.json' || !TEXT.has(extname(entry.name))) return [];
    if (path.startsWith('test/fixtures/') && entry.name !== 'README.md') return [];
    return [path];
  });
}

/** Places a reader cannot follow: a folder beside the repository, a tracker's number without its repository. */
const UNREACHABLE = [
  /\.\.\/shared\//,
  /\bshared\/(GUIDE|PITFALLS)\.md/,
  // A tracker's number after its repository (owner/name) says where to read it; a bare number does not.
  /(?<![\w.-]+\/[\w.-]+ )\bissues? #?\d/i,
];

/** A path of this repository in backticks (`src/app.ts`), or a Markdown link's target (`](test/README.md)`). */
const CITED = /`((?:src|test|handlers|jobs|bench|\.ci)\/[^`\s]+)`|\]\(([^)#\s:]+)\)/g;
/** A file named without its folder, in backticks (`clocked-chat.ts`). */
const NAMED = /`(\w[\w.-]*\.(?:ts|mjs|json|ya?ml))`/g;

/** The name of every file of the repository, wherever it is. */
function names(dir = ''): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : names(join(dir, entry.name));
    return entry.isFile() ? [entry.name] : [];
  });
}
/** A citation of another repository at a commit (the fixtures' provenance): its paths are not ours. */
const UPSTREAM = /@ `[0-9a-f]{40}`/;

/** Paths a Markdown file cites that do not exist; placeholders (`<name>`, `*`, `…`) are not paths. */
function missingPaths(file: string): string[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line) => line.split(';'))
    .filter((part) => !UPSTREAM.test(part))
    .flatMap((part) => [...part.matchAll(CITED)])
    .map((match) => ({ path: match[1] ?? match[2] ?? '', fromRoot: match[1] !== undefined }))
    .filter(({ path }) => !/[<>*…{]/.test(path))
    .filter(
      ({ path, fromRoot }) => !existsSync(fromRoot ? join(ROOT, path) : join(ROOT, dirname(file), path)),
    )
    .map(({ path }) => `${file} → ${path}`);
}

/** Files a Markdown file names without their folder that exist nowhere in the repository. */
function missingNames(file: string, known: ReadonlySet<string>): string[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line) => line.split(';'))
    .filter((part) => !UPSTREAM.test(part))
    .flatMap((part) => [...part.matchAll(NAMED)].map((match) => match[1] ?? ''))
    .filter((name) => !known.has(name))
    .map((name) => `${file} → ${name}`);
}

describe('the repository stands on its own', () => {
  const files = ours();

  it('reads our own files', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('src/app.ts');
    expect(files).toContain('test/fixtures/README.md');
    expect(files).not.toContain('test/fixtures/slack/block_kit_limits.json');
  });

  it('points to no file outside it and to no numbered issue of a tracker nobody can read', () => {
    const offenders = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          UNREACHABLE.some((bad) => bad.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('cites in its Markdown only files that exist (a rename updates the docs too)', () => {
    const markdown = files.filter((file) => file.endsWith('.md'));
    expect(markdown.flatMap(missingPaths)).toEqual([]);
    const known = new Set(names());
    expect(markdown.flatMap((file) => missingNames(file, known))).toEqual([]);
  });
});
