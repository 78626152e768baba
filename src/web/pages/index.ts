import type { PageDef } from '../routes.js';
import { bullesPage } from './bulles.js';
import { moiPage } from './moi.js';
import { tableauPage } from './tableau.js';

/** Every page, by path. Each page is one file of this folder. */
export const PAGES: Record<string, PageDef> = {
  '/moi': moiPage,
  '/bulles': bullesPage,
  '/tableau': tableauPage,
};
