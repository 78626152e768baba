import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShellSession, shellSession } from '../support/shell-play.js';

const COORDINATOR = 'claire.dubois@beta.gouv.fr';
const EIG = 'ines.moreau@beta.gouv.fr';
const ASK_AGAIN = 'Demandez un nouveau lien au bot';

let now = new Date('2026-11-23T10:00:00+01:00');

/** The link the shell printed for `/cohorte <sub>` typed as `email`. */
async function linkFor(shell: ShellSession, email: string, sub = 'page'): Promise<string> {
  const [, step] = await shell.type(`:as ${email}`, `/cohorte ${sub}`);
  const url = step?.output.join('\n').match(/https?:\/\/\S+\/entrer\?jeton=\S+/)?.[0];
  if (!url) throw new Error(`no link in: ${step?.output.join('\n')}`);
  return url;
}

const open = (url: string, cookie?: string) =>
  fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });

/** Opens a link and returns the session cookie it set (name=value). */
async function signIn(url: string): Promise<string> {
  const res = await open(url);
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

describe('the pages: the chat is the login', () => {
  let shell: ShellSession;
  let base: string;

  beforeAll(async () => {
    shell = await shellSession({ name: 'pages-access', clock: { now: () => now } });
    base = shell.bot.baseUrl;
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('gives a personal link that opens a session cookie (HttpOnly, SameSite=Lax, 8 h) and the page', async () => {
    const url = await linkFor(shell, EIG);
    const res = await open(url);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/moi');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cohorte_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/);
    const moi = await open(`${base}/moi`, cookie.split(';')[0]);
    expect(moi.status).toBe(200);
    const text = await moi.text();
    expect(text).toContain('Inès Moreau');
    expect(text).toContain('<html lang="fr"');
    expect(shell.bot.logs.join('\n')).not.toContain(url.split('jeton=')[1]);
  });

  it('refuses a reused link with a French page, no stack trace', async () => {
    const url = await linkFor(shell, EIG);
    await signIn(url);
    const again = await open(url);
    expect(again.status).toBe(403);
    const text = await again.text();
    expect(text).toContain(ASK_AGAIN);
    expect(again.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('refuses an expired link (15 minutes) and a forged one', async () => {
    const url = await linkFor(shell, EIG);
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    const late = await open(url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain(ASK_AGAIN);

    const fresh = await linkFor(shell, EIG);
    const forged = fresh.replace(/\.(\d+)\./, (_m, expiry: string) => `.${Number(expiry) + 3_600_000}.`);
    const res = await open(forged);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(ASK_AGAIN);
    // The forgery did not spend the real link.
    expect((await open(fresh)).status).toBe(303);
    for (const bad of ['', '?jeton=', '?jeton=%3Cscript%3E', '?jeton=a.b.c']) {
      const r = await open(`${base}/entrer${bad}`);
      expect(r.status).toBe(403);
      expect(await r.text()).not.toContain('<script>');
    }
  });

  it('refuses pages without a session, and the dashboard to a non-coordinator at each request', async () => {
    for (const path of ['/moi', '/tableau']) {
      const res = await open(`${base}${path}`);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain(ASK_AGAIN);
    }
    const eig = await signIn(await linkFor(shell, EIG));
    const refused = await open(`${base}/tableau`, eig);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('réservé');
    const [, step] = await shell.type(`:as ${EIG}`, '/cohorte tableau');
    expect(step?.output.join('\n')).not.toContain('/entrer?jeton=');

    const coordinator = await signIn(await linkFor(shell, COORDINATOR, 'tableau'));
    expect((await open(`${base}/tableau`, coordinator)).status).toBe(200);
  });

  it('/cohorte page bulles opens the bubble map; page tableau the dashboard, to coordinators only', async () => {
    const landing = async (email: string, sub: string) =>
      (await open(await linkFor(shell, email, sub))).headers.get('location');
    expect(await landing(EIG, 'page bulles')).toBe('/bulles');
    expect(await landing(EIG, 'page moi')).toBe('/moi');
    expect(await landing(COORDINATOR, 'page tableau')).toBe('/tableau');
    const answer = async (email: string, line: string) =>
      (await shell.type(`:as ${email}`, line))[1]?.output.join('\n');
    expect(await answer(EIG, '/cohorte page tableau')).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );
    expect(await answer(EIG, '/cohorte page agenda')).toBe(
      'Je ne connais pas la page « agenda ». Tapez /cohorte page pour votre semaine, ou /cohorte page bulles pour la carte des bulles.',
    );
    expect(await answer(EIG, '/cohorte aide')).toContain(
      '/cohorte page [bulles] : un lien personnel vers votre semaine, ou vers la carte des bulles',
    );
  });

  it('logs out only with the CSRF token of the session', async () => {
    const cookie = await signIn(await linkFor(shell, EIG));
    const page = await (await open(`${base}/moi`, cookie)).text();
    const csrf = page.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';
    expect(csrf).not.toBe('');
    const post = (body: string) =>
      fetch(`${base}/sortir`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const missing = await post('');
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('jeton de sécurité');
    expect((await open(`${base}/moi`, cookie)).status).toBe(200);
    expect((await post(`csrf=${encodeURIComponent(csrf)}`)).status).toBe(200);
    expect((await open(`${base}/moi`, cookie)).status).toBe(401);
  });

  it('ends the sessions of a person who erased their data', async () => {
    const cookie = await signIn(await linkFor(shell, EIG));
    expect((await open(`${base}/moi`, cookie)).status).toBe(200);
    await shell.bot.cohorte.services.personalData.eraseAll(EIG);
    const res = await open(`${base}/moi`, cookie);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain(ASK_AGAIN);
  });

  it('serves only whitelisted DSFR files', async () => {
    const css = await fetch(`${base}/dsfr/dsfr.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${base}/dsfr/fonts/Marianne-Regular.woff2`)).status).toBe(200);
    const icon = await fetch(`${base}/dsfr/icons/system/download-line.svg`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    for (const path of [
      'dsfr.module.js',
      '../package.json',
      '..%2F..%2Fpackage.json',
      'fonts/../dsfr.css',
      'icons/system/../../dsfr.module.js',
    ]) {
      const missing = await fetch(`${base}/dsfr/${path}`);
      expect(missing.status).toBe(404);
      // A missing DSFR file, asked for by a stylesheet, is a bare 404; `..` climbing out of /dsfr/ (resolved by the
      // client) is an address like any other, answered with the French page.
      const underDsfr = new URL(`${base}/dsfr/${path}`).pathname.startsWith('/dsfr/');
      expect(await missing.text()).toMatch(underDsfr ? /^$/ : /<h1>Page introuvable<\/h1>/);
    }
  });

  it('answers an address that is no page with a French page, the session kept', async () => {
    const cookie = await signIn(await linkFor(shell, EIG));
    for (const path of ['/tableau/inconnu', '/mois', '/dsfr']) {
      const res = await open(`${base}${path}`, cookie);
      expect([path, res.status, res.headers.get('set-cookie')]).toEqual([path, 404, null]);
      const text = await res.text();
      expect(text).toContain('<html lang="fr"');
      expect(text).toContain('<h1>Page introuvable</h1>');
      expect(text).toContain('Cette adresse ne mène à aucune page de Cohorte.');
    }
    expect((await open(`${base}/moi`, cookie)).status).toBe(200);
  });
});
