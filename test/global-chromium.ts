import { browserTestsSkipped, CHROMIUM_MISSING } from './support/browser.js';

/**
 * Vitest's global setup: the browser tests (test/browser/) drive Debian's Chromium. On a machine without it,
 * outside CI, they are skipped and this says so in one line, with how to install it; on CI (`CI` set) they run and
 * fail with the same sentence, so a missing Chromium never passes unnoticed there.
 */
export default function setup(): void {
  if (browserTestsSkipped) process.stdout.write(`${CHROMIUM_MISSING} Ils sont sautés (hors CI).\n`);
}
