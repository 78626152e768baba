import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from '../http.js';

/**
 * Where the pages' design system lives: the bot's own copy in node_modules (no CDN, works offline). Resolved at
 * the first request, so a checkout whose node_modules predates the dependency still boots (its pages unstyled).
 */
let dsfrDist: string | null | undefined;
function dsfrDir(): string | null {
  if (dsfrDist === undefined) {
    try {
      dsfrDist = dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/dist/dsfr.min.css'));
    } catch {
      dsfrDist = null;
    }
  }
  return dsfrDist;
}

/** The prefix under which the DSFR files are served. */
export const DSFR_PREFIX = '/dsfr/';

/**
 * The only DSFR files served: its stylesheets and what they load, the Marianne/Spectral fonts and the icons
 * (`icons/<family>/<name>.svg`, such as the download link's). Anything else (its scripts, sources, `..`) is a 404:
 * the whitelist is by shape, so no path can climb out.
 */
const ALLOWED = /^(dsfr(\.print)?\.min\.css|fonts\/[A-Za-z_-]+\.woff2?|icons\/[a-z-]+\/[a-z0-9-]+\.svg)$/;

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  svg: 'image/svg+xml',
};

/** `GET /dsfr/<file>`: one whitelisted DSFR file, cached a day (the version is pinned in the lockfile). */
export const dsfrRoute: Route = async (req, res) => {
  const name = (req.url ?? '').split('?')[0]?.slice(DSFR_PREFIX.length) ?? '';
  const dir = dsfrDir();
  const path = dir === null ? '' : join(dir, name);
  const found =
    dir !== null &&
    ALLOWED.test(name) &&
    (await stat(path).then(
      (s) => s.isFile(),
      () => false,
    ));
  // Asked for by a stylesheet or a page, never read by a person: a bare 404, no text.
  if (!found) return void res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
    'cache-control': 'public, max-age=86400',
  });
  createReadStream(path).pipe(res);
};
