import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { plain } from '../src/core/message.js';
import { upcomingText } from '../src/core/ritual/listing.js';
import { ritualArg, skipNext, unskipLast, upcomingSkipped } from '../src/core/ritual/manage.js';
import { formatDateTime } from '../src/core/time/format.js';

/** Words after the id that take the last skip back. */
const UNDO_WORDS = new Set(['annuler', 'undo', 'cancel']);

/**
 * `/rituel sauter <id>`: the next occurrence still posted is not; the answer names it, every other skipped date to
 * come, and the way back. `/rituel sauter <id> annuler` posts the last skipped date again.
 */
export const ritualSauterCommand: CommandHandler = {
  command: 'rituel',
  name: 'sauter',
  aliases: ['skip'],
  permission: 'ritual.manage',
  help: 'help.rituel.sauter',
  async run(ctx, args) {
    const [, extra, ...more] = args.trim().split(/\s+/);
    const undo = extra !== undefined && UNDO_WORDS.has(extra.toLowerCase());
    if ((extra !== undefined && !undo) || more.length > 0) throw new UserError('ritual.usage.skip');
    const { known, state } = await ritualArg(ctx, args, 'skip');
    const { id } = known.ritual;
    const tz = known.ritual.timezone ?? ctx.services.roster.data.timezone;
    const show = (at: Date) => formatDateTime(at, tz, ctx.locale);
    if (undo) {
      const back = await unskipLast(ctx, known, state);
      const left = { ...state, skipped: state.skipped.filter((at) => at !== back?.toISOString()) };
      const next = upcomingText(ctx, known, left);
      const reply = back
        ? ctx.t('ritual.unskipped', { id, date: show(back), next })
        : ctx.t('ritual.unskipNone', { id, next });
      return ephemeral(reply);
    }
    const skipped = await skipNext(ctx, known, state);
    const after = { ...state, skipped: [...state.skipped, skipped.toISOString()] };
    const all = upcomingSkipped(after, ctx.services.clock.now());
    // A second skip is easy to type by mistake: every date now skipped is named.
    const also =
      all.length > 1 ? ctx.t('ritual.skippedAll', { dates: all.map(show).join(' ; ') }) : plain('');
    const next = upcomingText(ctx, known, after);
    const reply = ctx.t('ritual.skipped', { id, date: show(skipped), also, next });
    return ephemeral(reply);
  },
};
