import { BULLE_IMPORT_FORM, importWorkshop } from '../src/core/bulle/import-form.js';
import type { FormHandler } from '../src/core/handler.js';

/** The pasted workshop CSV of `/bulle import` (coordinators). */
export const bulleImportForm: FormHandler = {
  formId: BULLE_IMPORT_FORM,
  action: 'bulle.import',
  run: (ctx, values) => importWorkshop(ctx, values.csv ?? ''),
};
