import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The import rules of shared/GUIDE.md, checked on every source file. */
const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every import of a file: package names as written, relative paths resolved from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] as string,
  );
  return specs.map((spec) =>
    spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec,
  );
}

const SDKS = ['@slack/', '@mattermost/', 'bullmq', 'ioredis', 'pino'];
const isSdk = (spec: string) => SDKS.some((sdk) => spec === sdk || spec.startsWith(sdk));
const violations = (files: string[], bad: (spec: string, file: string) => boolean) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((spec) => bad(spec, file))
      .map((spec) => `${file} → ${spec}`),
  );

describe('architecture', () => {
  const all = ['src', 'handlers', 'jobs'].flatMap(sources);

  it('sees the source tree', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(importsOf('src/app.ts')).toContain('src/core/router.js');
  });

  it('keeps src/core free of I/O and SDKs: only core, zod and date-fns', () => {
    const bad = violations(sources('src/core'), (spec) =>
      spec.startsWith('src/')
        ? !spec.startsWith('src/core/')
        : !/^(zod|date-fns(\/[\w/-]+)?|@date-fns\/tz)$/.test(spec),
    );
    expect(bad).toEqual([]);
  });

  it('imports date-fns function by function: its barrel loads every locale (about 20 MB of idle memory)', () => {
    expect(violations(all, (spec) => spec === 'date-fns' || spec === 'date-fns/locale')).toEqual([]);
  });

  it('lets handlers and jobs import only the core, never an SDK, an adapter or each other', () => {
    const files = [...sources('handlers'), ...sources('jobs')].filter((f) => !f.endsWith('index.ts'));
    const bad = violations(
      files,
      (spec) => isSdk(spec) || (spec.includes('/') && !spec.startsWith('src/core/') && spec !== 'zod'),
    );
    expect(bad).toEqual([]);
  });

  it('keeps each chat adapter to the core and its own SDK', () => {
    const bad = violations(sources('src/chat'), (spec, file) => {
      const platform = file.split('/')[2];
      if (spec.startsWith('src/'))
        return !spec.startsWith('src/core/') && !spec.startsWith(`src/chat/${platform}/`);
      return (
        ['bullmq', 'ioredis', 'pino'].includes(spec) || (platform !== 'slack' && spec.startsWith('@slack/'))
      );
    });
    expect(bad).toEqual([]);
  });

  it('lets only src/store and src/queue import ioredis and bullmq, and only src/log.ts import pino', () => {
    const bad = violations(all, (spec, file) => {
      if (spec === 'ioredis' || spec === 'bullmq') return !/^src\/(store|queue)\//.test(file);
      if (spec === 'pino') return file !== 'src/log.ts';
      return false;
    });
    expect(bad).toEqual([]);
  });

  it('reads process.env only in src/config.ts and exits only in src/main.ts', () => {
    const offenders = all.filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const env = /process\.env/.test(text) && !['src/config.ts', 'src/check-community.ts'].includes(file);
      const exit = /process\.exit\(/.test(text) && file !== 'src/main.ts';
      return env || exit;
    });
    expect(offenders).toEqual([]);
  });
});
