import { UserError } from '../errors.js';
import { type Context, firstWord } from '../handler.js';
import { findRitual, type KnownRitual } from './catalog.js';
import { nextOccurrences } from './expand.js';
import { FRESH_STATE, type RitualState, ritualSchedulerId } from './ritual.js';

/** The ritual named by a command's argument, or a UserError saying how to find its id. */
export async function ritualArg(ctx: Context, args: string, usage: 'pause' | 'resume' | 'delete' | 'skip') {
  const id = firstWord(args);
  if (!id) throw new UserError(`ritual.usage.${usage}`);
  const known = await findRitual(ctx.services, id);
  if (!known) throw new UserError('ritual.unknown', { id });
  const state = (await ctx.services.rituals.states([id])).get(id) ?? FRESH_STATE;
  return { known, state };
}

/** Removes a chat ritual: its scheduler first (nothing fires after this), then its record. File ones are refused. */
export async function deleteRitual(ctx: Context, known: KnownRitual): Promise<void> {
  if (known.source === 'file') throw new UserError('ritual.fileOnly', { id: known.ritual.id });
  await ctx.services.schedules.remove(ritualSchedulerId(known.ritual.id));
  await ctx.services.rituals.deleteChat(known.ritual.id);
}

/** Skips the next occurrence only; returns it, or a UserError when there is none to skip. */
export async function skipNext(ctx: Context, known: KnownRitual, state: RitualState): Promise<Date> {
  const { services } = ctx;
  const [next] = nextOccurrences(known.ritual, services.clock.now(), 1, {
    timezone: services.roster.data.timezone,
    cronNext: services.schedules.cronNext,
    state,
  });
  if (!next)
    throw new UserError(state.paused ? 'ritual.skipPaused' : 'ritual.skipNone', { id: known.ritual.id });
  await services.rituals.skip(known.ritual.id, next.toISOString());
  return next;
}

/** The skipped occurrences still to come, in order. */
export const upcomingSkipped = (state: RitualState, now: Date): Date[] =>
  state.skipped
    .map((at) => new Date(at))
    .filter((at) => at > now)
    .sort((a, b) => a.getTime() - b.getTime());

/** Posts again the last skipped occurrence still to come; returns it, or undefined when none is skipped. */
export async function unskipLast(
  ctx: Context,
  known: KnownRitual,
  state: RitualState,
): Promise<Date | undefined> {
  const last = upcomingSkipped(state, ctx.services.clock.now()).at(-1);
  if (last) await ctx.services.rituals.unskip(known.ritual.id, last.toISOString());
  return last;
}
