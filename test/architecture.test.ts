import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Who may import whom, and who may know which chat platform runs, checked on every source file. */
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

const SDKS = ['@slack/', '@mattermost/', '@matrix-org/', 'matrix-', 'bullmq', 'ioredis', 'pino'];

/** Each platform's SDK packages, by the folder of src/chat/ allowed to import them. */
const PLATFORM_SDKS: Record<string, RegExp> = {
  slack: /^@slack\//,
  mattermost: /^@mattermost\//,
  matrix: /^(@matrix-org\/|matrix-)/,
};
const sdkPlatform = (spec: string) => Object.entries(PLATFORM_SDKS).find(([, sdk]) => sdk.test(spec))?.[0];

/** Every platform name a branch could compare with. */
const PLATFORM_NAMES = ['slack', 'mattermost', 'shell', 'matrix', 'tchap'];

/** The one file that picks the adapter from the configuration. */
const FACTORY = 'src/chat/index.ts';
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

  it("keeps each chat adapter to the core and its own folder, and no other platform's SDK", () => {
    const adapters = sources('src/chat').filter((file) => file !== FACTORY);
    const bad = violations(adapters, (spec, file) => {
      const platform = file.split('/')[2];
      if (spec.startsWith('src/'))
        return !spec.startsWith('src/core/') && !spec.startsWith(`src/chat/${platform}/`);
      return ['bullmq', 'ioredis', 'pino'].includes(spec) || (sdkPlatform(spec) ?? platform) !== platform;
    });
    expect(bad).toEqual([]);
  });

  it('lets nothing outside src/chat/<platform>/ import a platform SDK (@slack/*, @mattermost/*, Matrix)', () => {
    const bad = violations(all, (spec, file) => {
      const platform = sdkPlatform(spec);
      return platform !== undefined && !file.startsWith(`src/chat/${platform}/`);
    });
    expect(bad).toEqual([]);
  });

  it("picks the adapter in one factory: it imports adapters, the core and the configuration's types only", () => {
    const bad = violations([FACTORY], (spec) => {
      if (!spec.startsWith('src/')) return true;
      return !/^src\/(core\/|chat\/\w+\/|config\.js$|http\.js$)/.test(spec);
    });
    expect(bad).toEqual([]);
    expect(importsOf('src/app.ts').filter((spec) => spec.startsWith('src/chat/'))).toEqual([
      'src/chat/index.js',
    ]);
  });

  it('branches on the platform nowhere but in the factory (adapters know only themselves)', () => {
    const name = `['"](?:${PLATFORM_NAMES.join('|')})['"]`;
    const branch = new RegExp(
      `[!=]==?\\s*${name}|${name}\\s*[!=]==?|case\\s+${name}|switch\\s*\\([^)]*(?:platform|kind)\\)`,
    );
    // src/config.ts derives the kind from the environment (and the shell's quieter default log level).
    const allowed = (file: string) =>
      file === FACTORY || file === 'src/config.ts' || /^src\/chat\/\w+\//.test(file);
    const offenders = all.filter(
      (file) => !allowed(file) && branch.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the pages (src/web) to the core, the HTTP helpers and d3-hierarchy: never store/, queue/, an SDK', () => {
    const bad = violations(sources('src/web'), (spec) =>
      spec.startsWith('src/')
        ? !/^src\/(core\/|web\/|http\.js$)/.test(spec)
        : isSdk(spec) || !/^(node:[\w/]+|zod|d3-hierarchy|@gouvfr\/dsfr\/[\w./-]+)$/.test(spec),
    );
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
