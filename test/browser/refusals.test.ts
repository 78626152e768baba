import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_LINK_TTL_MS } from '../../src/core/ports.js';
import { browserTestsSkipped, screenshot, seriousViolations } from '../support/browser.js';
import { CLAIRE, INES, seededInChromium } from '../support/browser-community.js';

const ASK_AGAIN = 'Demandez un nouveau lien au bot';

/** What the page shows: its status, its main heading, and whether it says to ask the bot for a new link. */
async function shown(page: Page, status: number | undefined) {
  return {
    status,
    heading: await page.getByRole('heading', { level: 1 }).textContent(),
    asksForANewLink: (await page.getByRole('main').textContent())?.includes(ASK_AGAIN) ?? false,
  };
}

describe.skipIf(browserTestsSkipped)('the pages refuse, in French, in Chromium', () => {
  const started = seededInChromium('browser-refusals');

  /** A fresh browser (no cookie) that opens `url`, as someone following a link from the chat. */
  async function follow(url: string) {
    const page = await (await started.browser.newContext({ locale: 'fr-FR' })).newPage();
    const response = await page.goto(url);
    return { page, response };
  }

  it('shows /tableau to the coordination only: an EIG gets a page that says so, and no link to it', async () => {
    const { page } = await started.community.signIn(started.browser, INES);
    await expect(page.getByRole('link', { name: 'Tableau de bord' }).count()).resolves.toBe(0);
    const response = await page.goto('/tableau');
    expect(await shown(page, response?.status())).toEqual({
      status: 403,
      heading: 'Page réservée à la coordination',
      asksForANewLink: false,
    });
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Revenir à ma semaine' }).count(),
    ).resolves.toBe(1);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'refus-tableau-reserve');
  });

  it('refuses a link opened a second time, in another browser', async () => {
    const link = await started.community.linkFor(INES);
    const first = await follow(link);
    expect(new URL(first.page.url()).pathname).toBe('/moi');
    const again = await follow(link);
    expect(await shown(again.page, again.response?.status())).toEqual({
      status: 403,
      heading: 'Ce lien n’est plus valable',
      asksForANewLink: true,
    });
    await expect(seriousViolations(again.page)).resolves.toEqual([]);
    await screenshot(again.page, 'refus-lien');
  });

  it('refuses a link opened after its 15 minutes on the bot’s clock', async () => {
    const link = await started.community.linkFor(INES);
    started.community.advance(PAGE_LINK_TTL_MS + 1000);
    const late = await follow(link);
    expect(await shown(late.page, late.response?.status())).toEqual({
      status: 403,
      heading: 'Ce lien n’est plus valable',
      asksForANewLink: true,
    });
  });

  it('refuses a form sent without its CSRF token', async () => {
    const { page } = await started.community.signIn(started.browser, CLAIRE, 'tableau');
    const logout = page.getByRole('button', { name: 'Se déconnecter' });
    await page.locator('form[action="/sortir"] input[name="csrf"]').evaluate((input) => input.remove());
    const [refused] = await Promise.all([page.waitForResponse('**/sortir'), logout.click()]);
    expect(await shown(page, refused.status())).toEqual({
      status: 403,
      heading: 'Demande refusée',
      asksForANewLink: true,
    });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'refus-csrf');
  });

  it('logs out with the token: the page says so, and the session no longer opens a page', async () => {
    const { page } = await started.community.signIn(started.browser, INES);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vous êtes déconnecté');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    const after = await page.goto('/moi');
    expect(await shown(page, after?.status())).toEqual({
      status: 401,
      heading: 'Session terminée',
      asksForANewLink: true,
    });
  });
});
