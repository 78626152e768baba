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
  const path = join(mkdtempSync(join(tmpdir(), 'cohorte-community-')), 'community.yml');
  writeFileSync(path, text);
  return path;
}
