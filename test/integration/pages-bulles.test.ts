import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, openPageLink } from '../support/page-link.js';
import { type ShellSession, shellSession } from '../support/shell-play.js';
import { shellPosts } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const JULIEN = 'julien.garnier@justice.gouv.fr';
const HUGO = 'hugo.petit@beta.gouv.fr';
const AMINA = 'amina.diallo@beta.gouv.fr';
const PIERRE = 'pierre.lambert@sante.gouv.fr';
const OUTSIDER = 'inconnu@exemple.fr';

/** Each bubble of the SVG map: where it links, its accessible name and its radius. */
function bubblesIn(page: string): { href: string; name: string; r: number }[] {
  const svg = page.match(/<svg [^>]*role="group"[\s\S]*?<\/svg>/)?.[0] ?? '';
  return [
    ...svg.matchAll(
      /<a href="([^"]+)" aria-label="([^"]+)"><title>[^<]*<\/title><circle [^>]*\br="([\d.]+)"/g,
    ),
  ].map(([, href = '', name = '', r = '']) => ({ href: href.replace(/&amp;/g, '&'), name, r: Number(r) }));
}

/** The text of a section of a page, from its heading to the next one. */
const section = (page: string, heading: string) =>
  page
    .split(heading)[1]
    ?.split('<h2')[0]
    ?.replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim() ?? '';

describe('/bulles: the bubble map, a topic, and « Je cherche ça »', () => {
  let shell: ShellSession;
  let base: string;

  /** A session of `email`, opened with a link typed for in the shell: its cookie and its CSRF token. */
  async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
    const { cookie } = await openPageLink(linkIn(await shell.type(`:as ${email}`, '/cohorte page')));
    const moi = await (await fetch(`${base}/moi`, { headers: { cookie } })).text();
    return { cookie, csrf: moi.match(/name="csrf" value="([^"]+)"/)?.[1] ?? '' };
  }
  const get = async (path: string, cookie: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    return { status: res.status, text: await res.text() };
  };
  const post = async (cookie: string, fields: Record<string, string>) => {
    const res = await fetch(`${base}/bulles`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, text: await res.text() };
  };
  const requestsOf = async (email: string) => shell.bot.cohorte.services.bulle.requestsOf(email);

  beforeAll(async () => {
    const now = new Date('2026-11-23T10:00:00+01:00');
    shell = await shellSession({ name: 'pages-bulles', clock: { now: () => now } });
    base = shell.bot.baseUrl;
    await shell.type(
      `:as ${INES}`,
      '/bulle partage Docker, SQL',
      `:as ${JULIEN}`,
      '/bulle partage Docker',
      `:as ${HUGO}`,
      '/bulle partage Docker',
      `:as ${AMINA}`,
      '/bulle cherche Docker',
    );
    // Shared while in the community, since removed from the file: kept, never proposed, never shown.
    await shell.bot.cohorte.stores.bulle.addSkill(OUTSIDER, {
      kind: 'share',
      key: 'docker',
      label: 'Docker',
      domain: 'Dev',
      at: now.toISOString(),
      source: 'chat',
    });
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('draws one bubble per skill, named with its people, its area in proportion, beside the same table', async () => {
    const { cookie } = await signIn(INES);
    const map = await get('/bulles', cookie);
    expect(map.status).toBe(200);
    const bubbles = bubblesIn(map.text);
    expect(bubbles.map(({ href, name }) => ({ href, name }))).toEqual([
      {
        href: '/bulles?competence=docker',
        name: 'Docker : 4 personnes ; la partagent : 3 ; veulent l’apprendre : 1',
      },
      {
        href: '/bulles?competence=sql',
        name: 'SQL : 1 personne ; la partagent : 1 ; veulent l’apprendre : 0',
      },
    ]);
    // Size is people: 4 against 1, so twice the radius.
    const [docker, sql] = bubbles;
    expect((docker?.r ?? 0) / (sql?.r ?? 1)).toBeCloseTo(2, 1);
    expect(map.text).toContain(
      'Plus de personnes la partagent qu’elles ne veulent l’apprendre : bleu, contour plein',
    );
    expect(map.text).toMatch(
      /<caption>Les compétences de la bulloterie \(2\)<\/caption>[\s\S]*<td>Dev<\/td><td>Docker<\/td><td>Docker<\/td><td>3<\/td><td>1<\/td><td><a href="\/bulles\?competence=docker">/,
    );
    expect(map.text).toMatch(/<td>Data<\/td><td>SQL<\/td><td>SQL<\/td><td>1<\/td><td>0<\/td>/);
  });

  it('lists who shares a skill and who wants to learn it, members only', async () => {
    const { cookie } = await signIn(PIERRE);
    const docker = (await get('/bulles?competence=docker', cookie)).text;
    expect(section(docker, 'Qui la partage')).toBe('(3) Hugo Petit Inès Moreau Julien Garnier');
    expect(section(docker, 'Qui veut l’apprendre')).toBe('(1) Amina Diallo');
    expect(docker).not.toContain('Inconnu');
    expect(docker).toContain('href="/bulles?competence=docker&amp;chercher=1">Je cherche ça');
    // Amina already asked: she is shown her request, not a second « Je cherche ça ».
    const hers = (await get('/bulles?competence=docker', (await signIn(AMINA)).cookie)).text;
    expect(hers).toContain('Vous avez déjà une demande en cours sur Docker');
    expect(hers).not.toContain('Je cherche ça');
  });

  it('« Je cherche ça » shows the request prefilled; without its CSRF token nothing is created', async () => {
    const { cookie } = await signIn(PIERRE);
    const form = (await get('/bulles?competence=sql&chercher=1', cookie)).text;
    expect(form).toMatch(
      /<form method="post" action="\/bulles">\s*<input type="hidden" name="csrf" value="[\w-]+">/,
    );
    expect(form).toContain('name="competence" type="text" required value="SQL"');
    const forged: Record<string, string>[] = [
      { competence: 'SQL' },
      { competence: 'SQL', csrf: 'pas-le-bon' },
    ];
    for (const fields of forged) {
      const refused = await post(cookie, fields);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('jeton de sécurité absent ou périmé');
    }
    expect(await requestsOf(PIERRE)).toEqual([]);
  });

  it('titles the request form in the visitor’s language, its punctuation too', async () => {
    const THOMAS = 'thomas.nguyen@beta.gouv.fr';
    const steps = await shell.type(`:as ${THOMAS}`, '/cohorte langue en', '/cohorte page');
    const { cookie } = await openPageLink(linkIn(steps));
    expect((await get('/bulles?competence=sql&chercher=1', cookie)).text).toContain(
      '<title>Ask for help: SQL · Cohorte</title>',
    );
  });

  it('with the token, opens exactly one request, answered and followed up in chat as /bulle cherche', async () => {
    const { cookie, csrf } = await signIn(PIERRE);
    const sent = await post(cookie, { csrf, competence: 'SQL', precisions: 'une requête qui rame' });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain(
      'Demande enregistrée : <strong>SQL</strong>. Je cherche quelqu’un et je vous tiens au courant en message privé.',
    );
    const [request, ...more] = await requestsOf(PIERRE);
    expect(more).toEqual([]);
    expect(request).toMatchObject({ key: 'sql', details: 'une requête qui rame', candidate: INES });
    // The same follow-up as the command: Inès, the only one sharing SQL, is asked; Pierre is told.
    const dms = (email: string) => shellPosts(shell.bot.shellOutput()).filter((p) => p.to === `@${email}`);
    await waitFor(() => dms(PIERRE).length === 1 && dms(INES).some((p) => p.text.includes('SQL')), 10_000);
    expect(dms(PIERRE)[0]?.text).toContain(
      'Votre demande SQL est proposée à une personne qui peut vous aider',
    );
    expect(dms(INES).find((p) => p.text.includes('SQL'))?.text).toContain('Pierre Lambert');

    const again = await post(cookie, { csrf, competence: 'SQL', precisions: '' });
    expect(again.status).toBe(400);
    expect(again.text).toContain('Vous avez déjà une demande en cours sur <strong>SQL</strong>');
    expect(again.text).toContain('value="SQL"');
    expect(await requestsOf(PIERRE)).toHaveLength(1);
  });

  it('answers a bad topic with the chat’s own words, the form kept as typed', async () => {
    const { cookie, csrf } = await signIn(PIERRE);
    const bad = await post(cookie, { csrf, competence: '@here', precisions: 'vite' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('« @here » ressemble à une mention ou à un lien du chat');
    expect(bad.text).toContain('>vite</textarea>');
    expect(await requestsOf(PIERRE)).toHaveLength(1);
  });

  it('drops an erased person from the map and the lists', async () => {
    await shell.bot.cohorte.services.personalData.eraseAll(HUGO);
    const { cookie } = await signIn(INES);
    expect(bubblesIn((await get('/bulles', cookie)).text)[0]?.name).toBe(
      'Docker : 3 personnes ; la partagent : 2 ; veulent l’apprendre : 1',
    );
    const docker = (await get('/bulles?competence=docker', cookie)).text;
    expect(section(docker, 'Qui la partage')).toBe('(2) Inès Moreau Julien Garnier');
    expect(docker).not.toContain('Hugo');
  });
});
