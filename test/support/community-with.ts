import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMUNITY_FILE } from './cohorte.js';

/**
 * The test community with extra YAML: `rituals` entries appended to its `rituals:` list, and `sessions` replacing
 * its empty `sessions:` section. Written to a temporary file whose path is returned.
 */
export function communityWith(extra: { rituals?: string; sessions?: string }): string {
  let text = readFileSync(COMMUNITY_FILE, 'utf8');
  if (extra.rituals) text = text.replace('\nrituals:\n', `\nrituals:\n${extra.rituals.trimEnd()}\n`);
  if (extra.sessions) text = text.replace('\nsessions: []\n', `\nsessions:\n${extra.sessions.trimEnd()}\n`);
  return written(text);
}

/** Writes a community file's text to a temporary file and returns its path. */
function written(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cohorte-community-')), 'community.yml');
  writeFileSync(path, text);
  return path;
}

/**
 * The community file `file` as a Tchap community writes it: each channel alias `'#name'` qualified with the server
 * that holds the room (`'#name:server'`), the only form a homeserver joins. Written to a temporary file whose path
 * is returned.
 */
export function communityOnServer(file: string, server: string): string {
  return written(readFileSync(file, 'utf8').replace(/'#([^':\s]+)'/g, `'#$1:${server}'`));
}
