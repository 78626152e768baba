import { BULLE_IMPORT_FORM, importWorkshop } from '../src/core/bulle/import-form.js';
import { UserError } from '../src/core/errors.js';
import type { FormHandler } from '../src/core/handler.js';

/**
 * The pasted workshop CSV of `/bulle import` (coordinators). A CSV that cannot be read (no header line) is a
 * message on the field: the form stays open with the pasted text, to fix rather than paste again.
 */
export const bulleImportFormHandler: FormHandler = {
  formId: BULLE_IMPORT_FORM,
  permission: 'bulle.import',
  async run(ctx, values) {
    try {
      return await importWorkshop(ctx, values.csv ?? '');
    } catch (error) {
      if (error instanceof UserError) return { errors: { csv: ctx.t(error.key, error.params) } };
      throw error;
    }
  },
};
