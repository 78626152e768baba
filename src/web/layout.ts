import { type Html, html, type Interpolable } from './html.js';
import type { Words } from './words.js';

/** What the header needs to show a signed-in person: their name, the logout form's token, their pages. */
export interface Chrome {
  name: string;
  csrf: string;
  coordinator: boolean;
}

const nav = (chrome: Chrome, current: string, w: Words) => {
  const item = (href: string, label: Html) =>
    html`<li class="fr-nav__item"><a class="fr-nav__link" href="${href}"${
      href === current ? html` aria-current="page"` : ''
    }>${label}</a></li>`;
  return html`<nav class="fr-nav" role="navigation" aria-label="${w.text('pages.navLabel')}"><ul class="fr-nav__list">
${item('/moi', w.t('pages.nav.moi'))}${item('/bulles', w.t('pages.nav.bulles'))}${chrome.coordinator ? item('/tableau', w.t('pages.nav.tableau')) : ''}
</ul></nav>`;
};

/**
 * A whole DSFR page in the visitor's language: skip link first (RGAA), header with the service name, the
 * navigation and a logout form carrying the CSRF token, the `main` landmark, and a footer. Served from the bot's
 * own copy of the DSFR.
 */
export function page(options: {
  title: string;
  path: string;
  words: Words;
  chrome?: Chrome | undefined;
  body: Interpolable;
}): Html {
  const { chrome, words: w } = options;
  return html`<!doctype html>
<html lang="${w.locale}" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Cohorte</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/dsfr/dsfr.print.min.css" media="print">
</head>
<body>
<div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="${w.text('pages.skipLinks')}"><ul class="fr-skiplinks__list">
<li><a class="fr-link" href="#contenu">${w.t('pages.skipToContent')}</a></li></ul></nav></div>
<header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
<div class="fr-header__brand"><div class="fr-header__service"><p class="fr-header__service-title">Cohorte</p>
<p class="fr-header__service-tagline">${w.t('pages.tagline')}</p></div></div>
${
  chrome
    ? html`<div class="fr-header__tools"><div class="fr-header__tools-links"><p class="fr-mr-2w">${chrome.name}</p>
<form method="post" action="/sortir"><input type="hidden" name="csrf" value="${chrome.csrf}">
<button type="submit" class="fr-btn fr-btn--tertiary-no-outline">${w.t('pages.logout')}</button></form>
</div></div>`
    : ''
}
</div></div></div>
${chrome ? html`<div class="fr-header__menu"><div class="fr-container">${nav(chrome, options.path, w)}</div></div>` : ''}
</header>
<main id="contenu" class="fr-container fr-py-4w" tabindex="-1">
${options.body}
</main>
<footer class="fr-footer" role="contentinfo"><div class="fr-container"><div class="fr-footer__body">
<p class="fr-footer__content-desc">${w.t('pages.footer')}</p>
</div></div></footer>
</body>
</html>`;
}

/** The one page every refused link or session gets: what happened, and what to do instead. */
export function refusalPage(w: Words, title: string, detail: Html): Html {
  return page({
    title,
    path: '',
    words: w,
    body: html`<h1>${title}</h1>
<div class="fr-alert fr-alert--info fr-mb-4w"><h2 class="fr-alert__title">${w.t('pages.refusal.askAgain')}</h2>
<p>${detail} ${w.t('pages.refusal.howTo')}</p></div>`,
  });
}
