import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { upcomingText } from '../src/core/ritual/listing.js';
import { ritualArg } from '../src/core/ritual/manage.js';

/** `/rituel reprendre <id>`: a paused ritual posts again from its next occurrence, which the answer shows. */
export const ritualReprendreCommand: CommandHandler = {
  command: 'rituel',
  name: 'reprendre',
  aliases: ['resume'],
  permission: 'ritual.manage',
  help: 'help.rituel.reprendre',
  async run(ctx, args) {
    const { known, state } = await ritualArg(ctx, args, 'resume');
    if (state.paused) await ctx.services.rituals.setPaused(known.ritual.id, false);
    const next = upcomingText(ctx, known, { ...state, paused: false });
    const key = state.paused ? 'ritual.resumed' : 'ritual.notPaused';
    return ephemeral(ctx.t(key, { id: known.ritual.id, next }));
  },
};
