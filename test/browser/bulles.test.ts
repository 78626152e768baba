import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserTestsSkipped,
  focusedText,
  focusShown,
  screenshot,
  seriousViolations,
} from '../support/browser.js';
import { INES, seededInChromium } from '../support/browser-community.js';

/** The table beside the map: each skill with how many share it and how many want to learn it, by skill. */
async function skillCounts(page: Page): Promise<string[][]> {
  const rows = await page
    .getByRole('table', { name: /^Les compétences de la bulloterie/ })
    .locator('tbody tr')
    .all();
  const cells = await Promise.all(rows.map((row) => row.locator('td').allTextContents()));
  return cells
    .map((c) => [c[2] ?? '', c[3] ?? '', c[4] ?? ''])
    .sort(([a = ''], [b = '']) => a.localeCompare(b));
}

/** The names listed under a heading of the page (up to the next heading). */
const namesUnder = (page: Page, heading: string) =>
  page.locator(`h2:has-text("${heading}") + ul li`).allTextContents();

describe.skipIf(browserTestsSkipped)(
  '/bulles in Chromium: the map, a bubble clicked, « Je cherche ça »',
  () => {
    const started = seededInChromium('browser-bulles');
    let ines: Page;

    beforeAll(async () => {
      ines = (await started.community.signIn(started.browser, INES)).page;
    });

    it('shows every skill of the seeded community, with the same counts in its table', async () => {
      await ines.getByRole('link', { name: 'Carte des bulles' }).click();
      await ines.waitForURL('**/bulles');
      expect(await skillCounts(ines)).toEqual([
        ['Accessibilité', '1', '0'],
        ['Docker', '0', '1'],
        ['Figma', '1', '0'],
        ['Python', '2', '0'],
        ['Rust', '1', '1'],
        ['SQL', '1', '0'],
      ]);
      await expect(ines.getByRole('link', { name: /^Python : 2 personnes/ }).count()).resolves.toBe(1);
      await expect(seriousViolations(ines)).resolves.toEqual([]);
      await screenshot(ines, 'bulles');
    });

    it('opens a bubble on a click: who shares it, who wants to learn it', async () => {
      await ines.goto('/bulles');
      await ines.getByRole('link', { name: /^Rust : 2 personnes/ }).click();
      await expect(ines.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Rust');
      await expect(namesUnder(ines, 'Qui la partage')).resolves.toEqual(['Hugo Petit']);
      await expect(namesUnder(ines, 'Qui veut l’apprendre')).resolves.toEqual(['Amina Diallo']);
      await expect(seriousViolations(ines)).resolves.toEqual([]);
      await screenshot(ines, 'bulles-rust');
    });

    it('reaches a bubble with the keyboard, its focus shown, and opens it with Enter', async () => {
      await ines.goto('/bulles');
      let focused = '';
      for (let i = 0; i < 30 && !focused.startsWith('SQL :'); i++) {
        await ines.keyboard.press('Tab');
        focused = await focusedText(ines);
      }
      expect(focused).toMatch(/^SQL : 1 personne/);
      await expect(focusShown(ines)).resolves.toBe(true);
      await ines.keyboard.press('Enter');
      await expect(ines.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('SQL');
    });

    it('sends « Je cherche ça » prefilled, and the request shows on /moi', async () => {
      await ines.goto('/bulles');
      await ines.getByRole('link', { name: /^Figma : 1 personne/ }).click();
      await ines.getByRole('link', { name: /^Je cherche ça/ }).click();
      await expect(ines.getByLabel('Compétence').inputValue()).resolves.toBe('Figma');
      await expect(seriousViolations(ines)).resolves.toEqual([]);
      await ines.getByLabel(/^Précisions/).fill('Des maquettes pour la recherche');
      await ines.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await expect(ines.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Demande envoyée');
      await ines.getByRole('link', { name: 'Voir mes demandes' }).click();
      const requests = ines
        .getByRole('table', { name: /^Mes demandes en cours/ })
        .locator('tbody tr td:first-child');
      await expect(requests.allTextContents()).resolves.toEqual(expect.arrayContaining(['Docker', 'Figma']));
    });
  },
);
