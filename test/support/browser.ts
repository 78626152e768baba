import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The Chromium the browser tests drive: Debian's by default (never one downloaded at run time). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** What to do when there is none, said where the tests stop. */
export const CHROMIUM_MISSING = `Pas de Chromium à ${CHROMIUM_PATH} : les tests dans un navigateur (test/browser/) en ont besoin. Installez celui de Debian (apt-get install chromium), ou indiquez-en un autre avec CHROMIUM_PATH.`;

/**
 * Whether this run skips the browser tests: only on a machine without Chromium and outside CI (`CI` set), where
 * the global setup says so in one line. CI installs Chromium (`.ci/run`) and fails without it.
 */
export const browserTestsSkipped = !existsSync(CHROMIUM_PATH) && !process.env.CI;

/**
 * Flags this machine's Chromium needs (the closed network refuses its background connections); Playwright adds
 * `--headless`, `--no-sandbox` and a fresh, empty `--user-data-dir` of its own.
 */
const FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; one per test file, its pages shared by the file's tests. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** Where the tests save a screenshot of each page they visit (gitignored). */
export const SCREENSHOTS_DIR = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/** Saves a full-page screenshot as `<dir>/<name>.png`. */
export async function screenshot(page: Page, name: string, dir = SCREENSHOTS_DIR): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * axe-core's serious and critical violations on the page as shown, one line each (rule, impact, what it asks,
 * where). axe is injected through the DevTools protocol: the pages' CSP allows no script, rightly.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}

/** Whether the focused element shows it: a visible outline, as DSFR draws for keyboard focus. */
export function focusShown(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
  })()`);
}

/** The focused element's name as a person hears it: its aria-label, else its text, else its id. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    return el ? el.getAttribute('aria-label') || (el.textContent || '').trim() || el.id : '';
  })()`);
}

/**
 * Presses Tab from the top of the page until the focus leaves the page or comes back (at most `max` times);
 * returns what it reached without a visible focus, by name.
 */
export async function focusNotShownByTab(page: Page, max = 200): Promise<string[]> {
  const hidden: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      const path = [];
      for (let n = el; n && n !== document.body; n = n.parentElement) path.push(n.tagName + [...n.parentElement.children].indexOf(n));
      return path.join('<');
    })()`);
    if (!at || seen.has(at as string)) break;
    seen.add(at as string);
    if (!(await focusShown(page))) hidden.push(await focusedText(page));
  }
  return hidden;
}
