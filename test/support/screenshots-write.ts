import { launchChromium, screenshot } from './browser.js';
import { CLAIRE, INES, seededCommunity } from './browser-community.js';

// `npm run screenshots`: after a change to a page, writes the README's screenshots again (docs/screenshots/), of
// the browser tests' seeded community, each page as the person it is for sees it (review the images in the diff).
const DOCS = new URL('../../docs/screenshots/', import.meta.url).pathname;
const SHOTS = [
  { name: 'moi', who: INES, sub: 'page', path: '/moi' },
  { name: 'tableau', who: CLAIRE, sub: 'tableau', path: '/tableau' },
  { name: 'bulles', who: INES, sub: 'page', path: '/bulles' },
] as const;

const [community, browser] = await Promise.all([seededCommunity('screenshots'), launchChromium()]);
try {
  for (const shot of SHOTS) {
    const { page } = await community.signIn(browser, shot.who, shot.sub);
    await page.goto(shot.path);
    await screenshot(page, shot.name, DOCS);
    process.stdout.write(`docs/screenshots/${shot.name}.png\n`);
  }
} finally {
  await browser.close();
  await community.stop();
}
