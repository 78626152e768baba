import { html } from '../html.js';
import type { PageDef } from '../routes.js';
import { moiPage } from './moi.js';

/** Every page, by path. Each page is one file of this folder. */
export const PAGES: Record<string, PageDef> = {
  '/moi': moiPage,
  '/tableau': {
    coordinatorsOnly: true,
    view: async () => ({ title: 'Tableau de bord', body: html`<h1>Tableau de bord de la coordination</h1>` }),
  },
};
