import { BULLE_IMPORT_FORM } from '../src/core/bulle/import-form.js';
import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';

/** Slack's limit for a text field of a modal: a longer workshop file is pasted in several goes. */
const FIELD_MAX = 3000;

/** `/bulle import` (coordinators): a form to paste the workshop CSV; `bulle-import.form.ts` reads it. */
export const bulleImportCommand: CommandHandler = {
  command: 'bulle',
  name: 'import',
  permission: 'bulle.import',
  help: 'help.bulle.import',
  async run({ t }) {
    return {
      visibility: 'ephemeral',
      message: textMessage(t('bulle.import.fallback')),
      form: {
        formId: BULLE_IMPORT_FORM,
        title: t('bulle.import.title'),
        submit: t('bulle.import.submit'),
        context: '',
        fields: [{ id: 'csv', label: t('bulle.import.field'), kind: 'multiline', max: FIELD_MAX }],
      },
    };
  },
};
