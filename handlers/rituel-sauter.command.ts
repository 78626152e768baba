import type { CommandHandler } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import { upcomingText } from '../src/core/rituals/listing.js';
import { ritualArg, skipNext } from '../src/core/rituals/manage.js';
import { formatDateTime } from '../src/core/time/format.js';

/** `/rituel sauter <id>`: the next occurrence only is not posted; the answer names it and the ones after. */
export const rituelSauter: CommandHandler = {
  command: 'rituel',
  name: 'sauter',
  aliases: ['skip'],
  permission: 'rituals.manage',
  help: 'help.rituel.sauter',
  async run(ctx, args) {
    const { known, state } = await ritualArg(ctx, args, 'skip');
    const skipped = await skipNext(ctx, known, state);
    const tz = known.ritual.timezone ?? ctx.services.roster.data.timezone;
    const next = upcomingText(ctx, known, { ...state, skipped: [...state.skipped, skipped.toISOString()] });
    const date = formatDateTime(skipped, tz, ctx.locale);
    return {
      visibility: 'ephemeral',
      message: textMessage(ctx.t('ritual.skipped', { id: known.ritual.id, date, next })),
    };
  },
};
