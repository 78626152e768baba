import type { IncomingMessage, ServerResponse } from 'node:http';
import { neutralizeFormula, toCsv } from '../core/csv.js';
import type { Html } from './html.js';

/** Headers of every page: no caching of personal pages, no framing, no script from anywhere. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** Sends a page. */
export function sendPage(
  res: ServerResponse,
  status: number,
  body: Html,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...PAGE_HEADERS, ...headers }).end(body.text);
}

/** Sends a redirection after a form or a link (303: the browser follows with a GET). */
export function redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}) {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', ...headers }).end();
}

/**
 * Sends a table as a CSV download: UTF-8 with BOM (spreadsheets read accents), every cell through
 * {@link neutralizeFormula}, since cells hold what people typed (a skill, a session title).
 */
export function sendCsv(res: ServerResponse, filename: string, rows: readonly (readonly string[])[]) {
  const csv = toCsv(
    rows.map((row) => row.map(neutralizeFormula)),
    { bom: true },
  );
  sendDownload(res, filename, 'text/csv; charset=utf-8', csv);
}

/** Sends a file to save (never shown in the page, never cached: downloads hold personal data). */
export function sendDownload(res: ServerResponse, filename: string, type: string, body: string) {
  res
    .writeHead(200, {
      'content-type': type,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    })
    .end(body);
}

/** Reads an urlencoded form body, up to 16 KiB (more is refused: no form of ours is that big). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 16_384) return undefined;
  }
  return new URLSearchParams(body);
}
