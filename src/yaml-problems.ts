import { type Document, isCollection, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

/** A path into a YAML document: keys and list indexes. */
export type Path = (string | number)[];

/** One mistake in a file Cohorte reads; `line` is 1-based, `path` is dotted (`promotions.0.defis.1.id`). */
export interface CommunityProblem {
  line: number | undefined;
  path: string;
  message: string;
}

/** A YAML text read with its lines: syntax problems, and where each path (or key) stands in the text. */
export interface YamlText {
  doc: Document.Parsed;
  syntaxProblems: CommunityProblem[];
  /** The line of the nearest node that exists: a missing key is reported on its parent's line. */
  lineOf(path: Path): number | undefined;
  /** The line of a key in the map at `path` (an unknown key is reported where it is written). */
  keyLine(path: Path, key: string): number | undefined;
}

export function readYaml(text: string): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const syntaxProblems = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    path: 'syntaxe YAML',
    message: error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code,
  }));
  const lineOf = (path: Path): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if ((isCollection(node) || isScalar(node)) && node.range) return lineAt(node.range[0]);
    }
    const root = doc.contents;
    return root?.range ? lineAt(root.range[0]) : undefined;
  };
  const keyLine = (path: Path, key: string): number | undefined => {
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const pair = isMap(map)
      ? map.items.find((item) => isScalar(item.key) && item.key.value === key)
      : undefined;
    return isScalar(pair?.key) && pair.key.range ? lineAt(pair.key.range[0]) : lineOf(path);
  };
  return { doc, syntaxProblems, lineOf, keyLine };
}

/** A zod issue's path as a YAML path. */
export const issuePath = (issue: z.core.$ZodIssue): Path =>
  issue.path.map((part) => (typeof part === 'number' ? part : String(part)));

/** Reports every issue of a failed parse, each under `base` (the place of the parsed value in the file). */
export function reportIssues(
  report: (path: Path, message: string) => void,
  base: Path,
  issues: readonly z.core.$ZodIssue[],
): void {
  for (const issue of issues) report([...base, ...issuePath(issue)], issue.message);
}
