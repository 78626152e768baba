import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import { launchChromium } from './browser.js';
import { linkIn } from './page-link.js';
import { aSession } from './session-fixture.js';
import { type ShellSession, shellSession } from './shell-play.js';
import { waitFor } from './wait.js';

export const CLAIRE = 'claire.dubois@beta.gouv.fr';
export const INES = 'ines.moreau@beta.gouv.fr';
export const AMINA = 'amina.diallo@beta.gouv.fr';
export const HUGO = 'hugo.petit@beta.gouv.fr';
export const THOMAS = 'thomas.nguyen@beta.gouv.fr';
export const CHLOE = 'chloe.bernard@beta.gouv.fr';

/** Monday 23 November 2026, 10:00 in Paris: a stand-up week of EIG 7, ten days before its monthly session. */
export const SEEDED_AT = new Date('2026-11-23T10:00:00+01:00');

/**
 * What the seeded community did in the chat, as the pages should show it:
 * - the monthly session of Thursday 3 December (2 seats): Inès and Amina come, Hugo waits, Thomas may come;
 * - the bulloterie: Inès shares SQL and looks for Docker (no one shares it: open), Hugo shares Rust and Amina looks
 *   for it (proposed to Hugo), Thomas shares Python and Accessibilité, Chloé Python and Figma;
 * - last week (Monday 16 November), Inès (☀️) and Hugo (☁️) wrote their stand-ups; this week, Inès only.
 */
export const SEEDED = {
  session: { title: 'Journée de promotion', day: 'jeudi 3 décembre 2026', seats: 2 },
} as const;

/** The test community, seeded through the shell as people do, on the real bot whose clock the test moves. */
export interface SeededCommunity {
  shell: ShellSession;
  /** Moves the bot's clock (never the wall clock). */
  advance(ms: number): void;
  /** The personal link the bot answers to `/cohorte <sub>` typed by `email` in the shell. */
  linkFor(email: string, sub?: 'page' | 'tableau'): Promise<string>;
  /** A fresh browser context signed in as `email` through their link; its page shows where the link led. */
  signIn(
    browser: Browser,
    email: string,
    sub?: 'page' | 'tableau',
  ): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

const WEEK_MS = 7 * 86_400_000;

/** The lines of a stand-up typed in the shell: its météo (a number of the list), its priorities, nothing else. */
const standup = (meteo: string, priorities: string) => ['/standup', meteo, priorities, '', ''];

/** The number the shell gave the button labelled `label` in its output so far (the last one). */
function buttonNumber(output: string, label: string): string {
  const found = [...output.matchAll(new RegExp(`\\[(\\d+)\\] ${label}`, 'g'))].at(-1)?.[1];
  if (!found) throw new Error(`no button « ${label} » in:\n${output}`);
  return found;
}

export async function seededCommunity(name: string): Promise<SeededCommunity> {
  let now = new Date(SEEDED_AT.getTime() - WEEK_MS);
  const shell = await shellSession({ name, clock: { now: () => now } });
  const linkFor = async (email: string, sub: 'page' | 'tableau' = 'page') => {
    const url = linkIn(await shell.type(`:as ${email}`, `/cohorte ${sub}`));
    if (!url) throw new Error(`no link answered to /cohorte ${sub} for ${email}`);
    return url;
  };
  try {
    await shell.type(
      `:as ${INES}`,
      ...standup('1', 'Lancer la recherche'),
      `:as ${HUGO}`,
      ...standup('3', 'Importer les cours d’eau'),
    );
    now = SEEDED_AT;
    await publishSession(shell.bot.cohorte.services, aSession({ capacity: SEEDED.session.seats }));
    await waitFor(() => shell.bot.shellOutput().includes('Je viens'), 10_000, 'the session announcement');
    const output = shell.bot.shellOutput();
    const [yes, maybe] = [buttonNumber(output, 'Je viens'), buttonNumber(output, 'Peut-être')];
    await shell.type(
      `:as ${INES}`,
      `:click ${yes}`,
      '/bulle partage SQL',
      '/bulle cherche Docker',
      ...standup('1', 'Finir la recherche'),
      `:as ${AMINA}`,
      `:click ${yes}`,
      `:as ${HUGO}`,
      `:click ${yes}`,
      '/bulle partage Rust',
      `:as ${THOMAS}`,
      `:click ${maybe}`,
      `:as ${AMINA}`,
      '/bulle cherche Rust',
      `:as ${THOMAS}`,
      '/bulle partage Python, Accessibilité',
      `:as ${CHLOE}`,
      '/bulle partage Python, Figma',
    );
  } catch (error) {
    await shell.stop();
    throw error;
  }
  return {
    shell,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    linkFor,
    async signIn(browser, email, sub = 'page') {
      const link = await linkFor(email, sub);
      // The pages' own addresses, as the person then browses them: the link's origin (PUBLIC_URL), not the port's.
      const context = await browser.newContext({ locale: 'fr-FR', baseURL: new URL(link).origin });
      const page = await context.newPage();
      await page.goto(link);
      return { context, page };
    },
    stop: () => shell.stop(),
  };
}

/** A test file's seeded community and its one Chromium, there once its `beforeAll` has run. */
export interface SeededInChromium {
  community: SeededCommunity;
  browser: Browser;
}

/** Starts a seeded community and Chromium side by side before the file's tests, and stops both after. */
export function seededInChromium(name: string): SeededInChromium {
  const started = {} as SeededInChromium;
  beforeAll(async () => {
    [started.community, started.browser] = await Promise.all([seededCommunity(name), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await started.browser?.close();
    await started.community?.stop();
  });
  return started;
}
