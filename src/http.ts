import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** The key of the route answering every path no other route serves. */
export const NOT_FOUND = '*';

/** A route of Cohorte's HTTP server. */
export type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * One HTTP server for everything: health checks, each platform adapter's endpoints (`/slack/events`, …) and the
 * pages, mounted by path; a key ending with `*` (`/dsfr/*`) serves every path under it. Unknown paths go to the
 * {@link NOT_FOUND} route when there is one (the pages' French page), else get a bare 404.
 */
export function createHttpServer(routes: Record<string, Route>): Server {
  const prefixes = Object.keys(routes).filter((key) => key.endsWith('*') && key !== NOT_FOUND);
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const prefix = prefixes.find((p) => path.startsWith(p.slice(0, -1)));
    const route = routes[path] ?? (prefix && routes[prefix]) ?? routes[NOT_FOUND];
    if (!route) return void res.writeHead(404).end();
    Promise.resolve(route(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}

/** Writes a small JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}

/** A request's query string, parsed (its path alone may be any address: the host is a placeholder). */
export const queryOf = (req: IncomingMessage): URLSearchParams =>
  new URL(req.url ?? '/', 'http://cohorte').searchParams;
