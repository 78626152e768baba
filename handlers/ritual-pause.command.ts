import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { ritualArg } from '../src/core/ritual/manage.js';

/** `/rituel pause <id>`: the ritual posts nothing until resumed (file or chat ritual). */
export const ritualPauseCommand: CommandHandler = {
  command: 'rituel',
  name: 'pause',
  permission: 'ritual.manage',
  help: 'help.rituel.pause',
  async run(ctx, args) {
    const { known, state } = await ritualArg(ctx, args, 'pause');
    const id = known.ritual.id;
    if (!state.paused) await ctx.services.rituals.setPaused(id, true);
    const key = state.paused ? 'ritual.alreadyPaused' : 'ritual.pausedDone';
    return ephemeral(ctx.t(key, { id }));
  },
};
