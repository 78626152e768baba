import { html } from '../html.js';
import type { PageDef } from '../routes.js';

/** Every page, by path. Each page is one file of this folder. */
export const PAGES: Record<string, PageDef> = {
  '/moi': {
    view: async ({ person }) => ({
      title: 'Ma semaine',
      body: html`<h1>Ma semaine</h1><p>Bonjour ${person.name}.</p>`,
    }),
  },
  '/tableau': {
    coordinatorsOnly: true,
    view: async () => ({ title: 'Tableau de bord', body: html`<h1>Tableau de bord de la coordination</h1>` }),
  },
};
