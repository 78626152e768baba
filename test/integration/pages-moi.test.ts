import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import { linkIn, openPageLink } from '../support/page-link.js';
import { aSession } from '../support/session-fixture.js';
import { type ShellSession, shellSession } from '../support/shell-play.js';

const EIG = 'ines.moreau@beta.gouv.fr';
const HUGO = 'hugo.petit@beta.gouv.fr';

describe('/moi: my week, from what I did in the chat', () => {
  let shell: ShellSession;

  beforeAll(async () => {
    shell = await shellSession({
      name: 'pages-moi',
      clock: { now: () => new Date('2026-11-23T10:00:00+01:00') },
    });
    expect(await publishSession(shell.bot.cohorte.services, aSession())).toBe(true);
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('shows my bubbles, my request in play and my next session with my answer', async () => {
    const steps = await shell.type(
      `:as ${EIG}`,
      '/bulle partage SQL',
      '/bulle cherche Docker',
      '/cohorte page',
    );
    const { cookie } = await openPageLink(linkIn(steps));
    const page = await (await fetch(`${shell.bot.baseUrl}/moi`, { headers: { cookie } })).text();
    expect(page).toContain('Je partage : SQL');
    expect(page).toMatch(/Mes demandes en cours \(1\)[\s\S]*<td>Docker<\/td>/);
    expect(page).toMatch(/jeudi 3 décembre 2026, 09:30[\s\S]*Journée de promotion[\s\S]*pas de réponse/);
    expect(page).toContain('/cohorte oublier');
  });

  it.each([
    ['fr', 'sarah.lefebvre@beta.gouv.fr', 'Kubernetes'],
    ['en', 'lucas.martin@beta.gouv.fr', 'Kotlin'],
  ])('names where my request stands in the same words as /bulle mes (%s)', async (lang, email, skill) => {
    const steps = await shell.type(
      `:as ${email}`,
      `/cohorte langue ${lang}`,
      `/bulle cherche ${skill}`,
      '/bulle mes',
      '/cohorte page',
    );
    const mine = steps.find((s) => s.input === '/bulle mes')?.output.join('\n') ?? '';
    const said = new RegExp(`${skill} ?: (.+) \\((?:depuis|since) `).exec(mine)?.[1];
    expect(said, mine).toBe(lang === 'fr' ? 'on cherche quelqu’un' : 'looking for someone');
    const { cookie } = await openPageLink(linkIn(steps));
    const page = await (await fetch(`${shell.bot.baseUrl}/moi`, { headers: { cookie } })).text();
    expect(page).toContain(`<td>${skill}</td><td>${said}</td>`);
  });

  it('says my stand-up of the week is not written yet, with its deadline, then shows it once posted', async () => {
    const cookieOf = async (): Promise<string> =>
      (await openPageLink(linkIn(await shell.type(`:as ${EIG}`, '/cohorte page')))).cookie;
    const moi = async (cookie: string) =>
      (await fetch(`${shell.bot.baseUrl}/moi`, { headers: { cookie } })).text();
    // The fixture's standup-eig7 closes on Friday at 15:00: the week of Monday 23 November closes on the 27th.
    const before = await moi(await cookieOf());
    expect(before).toContain(
      'Cette semaine : pas encore écrit. À écrire avant le vendredi 27 novembre 2026 à 15:00',
    );
    expect(before).toContain('Mes derniers stand-ups : aucun stand-up écrit pour l’instant');

    await shell.type('/standup', '1', 'Finir la recherche', '', '');
    const after = await moi(await cookieOf());
    expect(after).toContain('Cette semaine : écrit le lundi 23 novembre 2026 à 10:00');
    expect(after).not.toContain('pas encore écrit');
    expect(after).toMatch(
      /<caption>Mes derniers stand-ups<\/caption>[\s\S]*<th scope="col">Période<\/th>[\s\S]*<td>Semaine du lundi 23 novembre 2026<\/td><td>lundi 23 novembre 2026 à 10:00<\/td>/,
    );
  });

  it('speaks the language I chose in the chat', async () => {
    const THOMAS = 'thomas.nguyen@beta.gouv.fr';
    const steps = await shell.type(`:as ${THOMAS}`, '/cohorte langue en', '/cohorte page');
    const { cookie } = await openPageLink(linkIn(steps));
    const page = await (await fetch(`${shell.bot.baseUrl}/moi`, { headers: { cookie } })).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain('<title>My week · Cohorte</title>');
    expect(page).toContain('No bubble. In the chat: <code>/bulle partage &lt;skill&gt;</code>.');
    expect(page).toContain('Log out');
    expect(page).not.toContain('Ma semaine');
  });
  it('downloads my data as the chat sends it, and erases it all once confirmed with the form’s token', async () => {
    const { cookie } = await openPageLink(
      linkIn(await shell.type(`:as ${HUGO}`, '/bulle partage Docker', '/cohorte page')),
    );
    const get = (path: string) => fetch(`${shell.bot.baseUrl}${path}`, { headers: { cookie } });
    const moi = await (await get('/moi')).text();
    expect(moi).toContain('<a href="/moi?export=json" download>Télécharger mes données (JSON)</a>');
    expect(moi).toContain('<a href="/moi?oublier=1">Effacer mes données</a>');

    const file = await get('/moi?export=json');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="cohorte-mes-donnees.json"');
    const data = JSON.parse(await file.text());
    expect(data).toMatchObject({ email: HUGO, roles: ['eig'] });
    expect(data.stores.bulloterie.skills).toMatchObject([{ kind: 'share', label: 'Docker' }]);

    const confirm = await (await get('/moi?oublier=1')).text();
    expect(confirm).toContain('Voulez-vous vraiment effacer tout ce que Cohorte garde sur vous ?');
    const csrf =
      confirm.match(/action="\/moi">\s*<input type="hidden" name="csrf" value="([^"]+)"/)?.[1] ?? '';
    expect(csrf).not.toBe('');
    const erase = (body: string) =>
      fetch(`${shell.bot.baseUrl}/moi`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await erase('oublier=oui')).status).toBe(403);
    expect(await shell.bot.cohorte.services.bulle.skillsOf(HUGO)).toHaveLength(1);

    const done = await erase(`oublier=oui&csrf=${encodeURIComponent(csrf)}`);
    expect(done.status).toBe(200);
    expect(done.headers.get('set-cookie')).toContain('Max-Age=0');
    const text = await done.text();
    expect(text).toContain('C’est fait : vos données ont été effacées.');
    expect(text).not.toContain('Hugo Petit');
    expect(await shell.bot.cohorte.services.bulle.skillsOf(HUGO)).toEqual([]);
    expect((await get('/moi')).status).toBe(401);
  });
});
