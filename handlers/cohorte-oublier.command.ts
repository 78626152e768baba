import type { CommandHandler } from '../src/core/handler.js';
import { FORGET_ACTION } from '../src/core/personal-data.js';

/** `/cohorte oublier`: asks for confirmation with two buttons; `forget.action.ts` does the erasing. */
export const cohorteOublierCommand: CommandHandler = {
  command: 'cohorte',
  name: 'oublier',
  aliases: ['forget'],
  // Open outside the community: anyone may have what Cohorte keeps on them erased.
  outsiders: true,
  help: 'help.cohorte.oublier',
  async run({ t }) {
    return {
      visibility: 'ephemeral',
      message: {
        fallback: t('forget.confirm'),
        blocks: [
          { kind: 'section', text: t('forget.confirm') },
          {
            kind: 'actions',
            buttons: [
              { actionId: FORGET_ACTION, label: t('forget.yes'), value: 'yes', style: 'danger' },
              { actionId: FORGET_ACTION, label: t('forget.no'), value: 'no' },
            ],
          },
        ],
      },
    };
  },
};
