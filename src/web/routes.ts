import type { IncomingMessage, ServerResponse } from 'node:http';
import { can } from '../core/permissions.js';
import type { PageName, Services, WebSessionStore } from '../core/ports.js';
import type { Route } from '../http.js';
import { html, type Interpolable } from './html.js';
import { type Chrome, page, refusalPage } from './layout.js';
import { ENTER_PATH, openLink } from './link.js';
import { readForm, redirect, sendPage } from './respond.js';
import {
  clearedCookie,
  csrfMatches,
  openSession,
  sessionCookie,
  type Visitor,
  visitorOf,
} from './session.js';
import { DSFR_PREFIX, dsfrRoute } from './static.js';

/** What the pages need: the services (as handlers get them), the session store, the link secret. */
export interface WebDeps {
  services: Services;
  store: WebSessionStore;
  secret: string;
  /** `Secure` cookies: true when PUBLIC_URL is https. */
  secure: boolean;
}

/** A page's body, given its visitor; may answer by itself (a CSV download) and return undefined. */
export type PageView = (
  visitor: Visitor,
  request: { services: Services; req: IncomingMessage; res: ServerResponse },
) => Promise<{ title: string; body: Interpolable } | undefined>;

/** A page and who may see it. */
export interface PageDef {
  view: PageView;
  coordinatorsOnly?: boolean;
}

const PATHS: Record<PageName, string> = { moi: '/moi', tableau: '/tableau', bulles: '/bulles' };

const chromeOf = (visitor: Visitor): Chrome => ({
  name: visitor.person.name,
  csrf: visitor.session.csrf,
  coordinator: can(visitor.person, 'pages.dashboard'),
});

/**
 * The pages' routes: `/entrer` (a personal link → a session cookie), `/sortir` (logout, a form with its CSRF
 * token), each page (session and role checked at every request), and the DSFR files. Every refusal is a French
 * page that says to ask the bot for a new link; nothing leaks a stack trace (the server's error boundary answers 500
 * with an empty body).
 */
export function createWebRoutes(deps: WebDeps, pages: Record<string, PageDef>): Record<string, Route> {
  const { services, store } = deps;
  const log = services.log;
  const now = () => services.clock.now();
  const refuse = (res: ServerResponse, status: number, title: string, detail: string) =>
    sendPage(res, status, refusalPage(title, detail), { 'set-cookie': clearedCookie(deps.secure) });

  const enter: Route = async (req, res) => {
    const token = new URL(req.url ?? '/', 'http://cohorte').searchParams.get('jeton');
    const opened = await openLink(token, { secret: deps.secret, store, now });
    if ('refused' in opened) {
      log.info({ refused: opened.refused }, 'page link refused');
      return refuse(
        res,
        403,
        'Ce lien n’est plus valable',
        'Un lien personnel ne sert qu’une fois et pendant 15 minutes.',
      );
    }
    const id = await openSession(store, opened.email, now());
    redirect(res, PATHS[opened.page], { 'set-cookie': sessionCookie(id, deps.secure) });
  };

  const leave: Route = async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const visitor = await visitorOf(req, deps);
    const form = await readForm(req);
    if (!visitor || !csrfMatches(visitor.session, form?.get('csrf') ?? undefined)) {
      return refuse(
        res,
        403,
        'Demande refusée',
        'Ce formulaire n’est pas valable (jeton de sécurité absent ou périmé).',
      );
    }
    await store.close(visitor.sessionId);
    sendPage(
      res,
      200,
      page({
        title: 'Vous êtes déconnecté',
        path: '',
        body: html`<h1>Vous êtes déconnecté</h1><p>Pour revenir, demandez un nouveau lien au bot : <code>/cohorte page</code>.</p>`,
      }),
      { 'set-cookie': clearedCookie(deps.secure) },
    );
  };

  const guarded =
    (path: string, def: PageDef): Route =>
    async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return void res.writeHead(405, { allow: 'GET' }).end();
      const visitor = await visitorOf(req, deps);
      if (!visitor) {
        return refuse(res, 401, 'Session terminée', 'Votre session a expiré, ou elle n’existe plus.');
      }
      if (def.coordinatorsOnly && !can(visitor.person, 'pages.dashboard')) {
        return sendPage(
          res,
          403,
          page({
            title: 'Page réservée',
            path,
            chrome: chromeOf(visitor),
            body: html`<h1>Page réservée à la coordination</h1><p>Ce tableau de bord est réservé aux coordinateurs et coordinatrices du programme. <a href="/moi">Revenir à ma semaine</a>.</p>`,
          }),
        );
      }
      const shown = await def.view(visitor, { services, req, res });
      if (!shown) return;
      sendPage(res, 200, page({ title: shown.title, path, chrome: chromeOf(visitor), body: shown.body }));
    };

  return {
    [ENTER_PATH]: enter,
    '/sortir': leave,
    [`${DSFR_PREFIX}*`]: dsfrRoute,
    ...Object.fromEntries(Object.entries(pages).map(([path, def]) => [path, guarded(path, def)])),
  };
}
