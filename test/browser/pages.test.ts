import { readFile } from 'node:fs/promises';
import type { ConsoleMessage, Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserTestsSkipped,
  focusedText,
  focusNotShownByTab,
  focusShown,
  screenshot,
  seriousViolations,
} from '../support/browser.js';
import { CLAIRE, INES, SEEDED, seededInChromium } from '../support/browser-community.js';

/** The rows of the table captioned `caption` (its name starts with it), each as its cells' texts. */
async function rowsOf(page: Page, caption: string): Promise<string[][]> {
  const rows = await page.getByRole('table', { name: caption }).locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((t) => t.trim())),
  );
}

/** Every page a person may open once signed in: a bubble's detail and « Je cherche ça » included. */
const PAGES = [
  '/moi',
  '/tableau',
  '/bulles',
  '/bulles?competence=rust',
  '/bulles?competence=rust&chercher=1',
];

describe.skipIf(browserTestsSkipped)('the pages in Chromium, for a seeded community', () => {
  const started = seededInChromium('browser-pages');
  let ines: Page;
  let claire: Page;

  beforeAll(async () => {
    const { community, browser } = started;
    ines = (await community.signIn(browser, INES)).page;
    claire = (await community.signIn(browser, CLAIRE, 'tableau')).page;
  });

  it('opens /moi from the link of /cohorte page, with what Inès did this week', async () => {
    expect(new URL(ines.url()).pathname).toBe('/moi');
    await expect(ines.title()).resolves.toBe('Ma semaine · Cohorte');
    const main = ines.getByRole('main');
    await expect(main.textContent()).resolves.toContain(
      'Cette semaine : écrit le lundi 23 novembre 2026 à 10:00',
    );
    await expect(main.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Je veux apprendre : Docker',
      'Je partage : SQL',
    ]);
    expect(await rowsOf(ines, 'Mes demandes en cours')).toEqual([['Docker', 'on cherche quelqu’un']]);
    expect(await rowsOf(ines, 'Mes prochaines sessions')).toEqual([
      [`${SEEDED.session.day}, 09:30`, SEEDED.session.title, 'je viens'],
    ]);
    await screenshot(ines, 'moi');
  });

  it('opens /tableau from the link of /cohorte tableau, with the stand-ups, funnel, requests and seats of the community', async () => {
    expect(new URL(claire.url()).pathname).toBe('/tableau');
    expect(await rowsOf(claire, 'Prochaines sessions')).toEqual([
      [SEEDED.session.day, SEEDED.session.title, '2', '1', '1', String(SEEDED.session.seats)],
    ]);
    const lastWeek = (rows: string[][]) => rows.map((r) => [r[0], r.at(-1)]);
    expect(lastWeek(await rowsOf(claire, 'Participation aux stand-ups, EIG 7'))).toEqual([
      ['LexIQ, la recherche dans la jurisprudence', '1 à temps, 2 silencieux'],
      ["DataPass Santé, l'accès simplifié aux données de santé", '2 silencieux'],
      ["Carto'Eau, la cartographie des cours d'eau", '1 à temps, 1 silencieux'],
    ]);
    const meteo = (await rowsOf(claire, 'Météo, EIG 7')).map((r) => r.at(-2));
    expect(meteo).toEqual(['☀️', '—', '☁️']);
    // Percentages as French writes them: a no-break space before %.
    // Everyone, then each promotion: Inès and Amina asked, both of EIG 7; EIG 6 asked nothing.
    const stages = ['Demandes', 'Proposées à quelqu’un', 'Acceptées', 'Échange confirmé'];
    const funnel = (promotion: string, counts: number[], shares: number[]) =>
      stages.map((stage, i) => [promotion, stage, String(counts[i]), `${shares[i]}\u00a0%`]);
    expect(await rowsOf(claire, 'Entonnoir de la bulloterie')).toEqual([
      ...funnel('Tout le monde', [2, 1, 0, 0], [100, 50, 0, 0]),
      ...funnel('EIG 7', [2, 1, 0, 0], [100, 50, 0, 0]),
      ...funnel('EIG 6', [0, 0, 0, 0], [0, 0, 0, 0]),
    ]);
    expect(await rowsOf(claire, 'Demandes de la bulloterie en cours')).toEqual([
      ['Rust', 'proposée à quelqu’un, réponse attendue', '0'],
      ['Docker', 'on cherche quelqu’un', '0'],
    ]);
    await screenshot(claire, 'tableau');
  });

  it('downloads a table of /tableau as the CSV of its rows', async () => {
    const [download] = await Promise.all([
      claire.waitForEvent('download'),
      claire.getByRole('link', { name: /Télécharger « Demandes de la bulloterie en cours »/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('cohorte-demandes-2026-11-23.csv');
    expect(await readFile(await download.path(), 'utf8')).toBe(
      '\uFEFFCompétence,Où en est-elle,Âge (jours)\r\nRust,"proposée à quelqu’un, réponse attendue",0\r\nDocker,on cherche quelqu’un,0\r\n',
    );
  });

  it('is usable with the keyboard alone: the skip link first, every main link reached, focus always shown', async () => {
    await claire.goto('/moi');
    await claire.keyboard.press('Tab');
    await expect(focusedText(claire)).resolves.toBe('Aller au contenu');
    await expect(focusShown(claire)).resolves.toBe(true);
    await claire.keyboard.press('Enter');
    expect(await claire.evaluate('document.activeElement.id')).toBe('contenu');

    await claire.goto('/moi');
    const reached: string[] = [];
    for (let i = 0; i < 10 && !reached.includes('Tableau de bord'); i++) {
      await claire.keyboard.press('Tab');
      const shown = await focusShown(claire);
      reached.push(`${await focusedText(claire)}${shown ? '' : ' (focus not shown)'}`);
    }
    expect(reached).toEqual([
      'Aller au contenu',
      'Se déconnecter',
      'Ma semaine',
      'Carte des bulles',
      'Tableau de bord',
    ]);
    await claire.keyboard.press('Enter');
    await claire.waitForURL('**/tableau');
    await expect(claire.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Tableau de bord de la coordination',
    );
  });

  /** What `check` lists on each page as Claire (coordinator) sees it, by path: nothing is the goal. */
  async function onEachPage(check: (page: Page) => Promise<string[]>): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const path of PAGES) {
      await claire.goto(path, { waitUntil: 'networkidle' });
      found[path] = await check(claire);
    }
    return found;
  }
  const NOTHING = Object.fromEntries(PAGES.map((path) => [path, []]));

  it('shows the focus on everything Tab reaches, on every page', async () => {
    expect(await onEachPage(focusNotShownByTab)).toEqual(NOTHING);
  });

  it('gets every file a page asks for (stylesheets, fonts, icons), with nothing in the console', async () => {
    let problems: string[] = [];
    const failed = (r: Response) =>
      void (r.ok() || problems.push(`${r.status()} ${new URL(r.url()).pathname}`));
    const logged = (m: ConsoleMessage) => void (m.type() === 'error' && problems.push(m.text()));
    claire.on('response', failed).on('console', logged);
    const found = await onEachPage(async () => {
      const these = problems;
      problems = [];
      return these;
    });
    claire.off('response', failed).off('console', logged);
    expect(found).toEqual(NOTHING);
  });

  it('has no serious or critical accessibility violation on any page (axe-core)', async () => {
    expect(await onEachPage(seriousViolations)).toEqual(NOTHING);
  });
});
