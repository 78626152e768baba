import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageKey } from '../core/i18n/index.js';
import { can } from '../core/permissions.js';
import type { PageName, QueueMonitor, Services, WebSessionStore } from '../core/ports.js';
import { NOT_FOUND, queryOf, type Route } from '../http.js';
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
import { type Words, wordsIn } from './words.js';

/** What the pages need: the services (as handlers get them), the queues' health, the session store, the link secret. */
export interface WebDeps {
  services: Services;
  queues: QueueMonitor;
  store: WebSessionStore;
  secret: string;
  /** `Secure` cookies: true when PUBLIC_URL is https. */
  secure: boolean;
}

/**
 * A page's body, given its visitor and the words of their language; may answer by itself (a CSV download) and
 * return undefined.
 */
export type PageView = (
  visitor: Visitor,
  request: {
    services: Services;
    queues: QueueMonitor;
    req: IncomingMessage;
    res: ServerResponse;
    words: Words;
  },
) => Promise<{ title: string; body: Interpolable } | undefined>;

/**
 * A page's answer to its form (`POST`), once the route has checked the session, the role and the CSRF token: the
 * page to show, and its status (400 when the form needs fixing). `ended`: the form ended the session (the person
 * erased their data), so the page has no header of theirs and the cookie is cleared.
 */
export type PageSubmit = (
  visitor: Visitor,
  request: { services: Services; form: URLSearchParams; words: Words },
) => Promise<{ title: string; body: Interpolable; status: number; ended?: boolean }>;

/** A page, its form if it has one, and who may see it. */
export interface PageDef {
  view: PageView;
  submit?: PageSubmit;
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
 * token), each page (session and role checked at every request), the DSFR files, and a page for any other
 * address. Every refusal is a page in the community's language that says to ask the bot for a new link; nothing
 * leaks a stack trace (the server's error boundary answers 500 with an empty body).
 */
export function createWebRoutes(deps: WebDeps, pages: Record<string, PageDef>): Record<string, Route> {
  const { services, store } = deps;
  const log = services.log;
  const now = () => services.clock.now();
  /** Refusals know no one: they speak the community's language. */
  const community = () => wordsIn(services.roster.data.locale);
  const refuse = (res: ServerResponse, status: number, title: MessageKey, detail: MessageKey) => {
    const w = community();
    sendPage(res, status, refusalPage(w, w.text(title), w.t(detail)), {
      'set-cookie': clearedCookie(deps.secure),
    });
  };

  const refuseForm = (res: ServerResponse) =>
    refuse(res, 403, 'pages.refusal.formTitle', 'pages.refusal.formDetail');

  const enter: Route = async (req, res) => {
    const token = queryOf(req).get('jeton');
    const opened = await openLink(token, { secret: deps.secret, store, now });
    if ('refused' in opened) {
      log.info({ refused: opened.refused }, 'page link refused');
      return refuse(res, 403, 'pages.refusal.linkTitle', 'pages.refusal.linkDetail');
    }
    const id = await openSession(store, opened.email, now());
    redirect(res, PATHS[opened.page], { 'set-cookie': sessionCookie(id, deps.secure) });
  };

  const leave: Route = async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const visitor = await visitorOf(req, deps);
    const form = await readForm(req);
    if (!visitor || !csrfMatches(visitor.session, form?.get('csrf') ?? undefined)) return refuseForm(res);
    await store.close(visitor.sessionId);
    const w = wordsIn(visitor.locale);
    const title = w.text('pages.loggedOut.title');
    sendPage(
      res,
      200,
      page({ title, path: '', words: w, body: html`<h1>${title}</h1><p>${w.t('pages.loggedOut.body')}</p>` }),
      { 'set-cookie': clearedCookie(deps.secure) },
    );
  };

  const guarded =
    (path: string, def: PageDef): Route =>
    async (req, res) => {
      const posted = req.method === 'POST' && def.submit !== undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD' && !posted)
        return void res.writeHead(405, { allow: def.submit ? 'GET, POST' : 'GET' }).end();
      const visitor = await visitorOf(req, deps);
      if (!visitor) {
        return refuse(res, 401, 'pages.refusal.sessionTitle', 'pages.refusal.sessionDetail');
      }
      const w = wordsIn(visitor.locale);
      const chrome = chromeOf(visitor);
      if (def.coordinatorsOnly && !can(visitor.person, 'pages.dashboard')) {
        const back = [{ kind: 'link' as const, url: '/moi', text: w.text('pages.reserved.back') }];
        return sendPage(
          res,
          403,
          page({
            title: w.text('pages.reserved.title'),
            path,
            words: w,
            chrome,
            body: html`<h1>${w.t('pages.reserved.heading')}</h1><p>${w.t('pages.reserved.body', { back })}</p>`,
          }),
        );
      }
      if (posted && def.submit) {
        const form = await readForm(req);
        if (!form || !csrfMatches(visitor.session, form.get('csrf') ?? undefined)) return refuseForm(res);
        const answer = await def.submit(visitor, { services, form, words: w });
        const shown = { title: answer.title, path, words: w, body: answer.body };
        if (answer.ended)
          return sendPage(res, answer.status, page(shown), { 'set-cookie': clearedCookie(deps.secure) });
        return sendPage(res, answer.status, page({ ...shown, chrome }));
      }
      const shown = await def.view(visitor, { services, queues: deps.queues, req, res, words: w });
      if (!shown) return;
      sendPage(res, 200, page({ title: shown.title, path, words: w, chrome, body: shown.body }));
    };

  /** Any other address (a link mistyped or cut): a page in the community's language; the session is kept. */
  const notFound: Route = (_req, res) => {
    const w = community();
    sendPage(res, 404, refusalPage(w, w.text('pages.notFound.title'), w.t('pages.notFound.detail')));
  };

  return {
    [NOT_FOUND]: notFound,
    [ENTER_PATH]: enter,
    '/sortir': leave,
    [`${DSFR_PREFIX}*`]: dsfrRoute,
    ...Object.fromEntries(Object.entries(pages).map(([path, def]) => [path, guarded(path, def)])),
  };
}
