import { z } from 'zod';
import { type Clock, systemClock } from '../../core/clock.js';
import { type ChatState, keptMs } from '../../core/ports.js';
import { recordOf } from './matrix-schemas.js';

const ShownSchema = z.object({
  /** A digest of what the event shows now; empty when unknown (an edit was under way). */
  shown: z.string(),
  /** How many edits were sent: each has its own transaction. */
  edits: z.number().int().min(0),
  /** What the edit numbered `edits` was sending, while it was under way: a retry of it reuses its transaction. */
  pending: z.string().optional(),
});

/**
 * What the bot's events show, for their edits: an edit is sent only when the content changes, under a transaction
 * of its own (its number and content). A retry of the same edit is deduplicated by the homeserver, while an edit
 * back to an earlier content is sent again (a transaction named by its content alone would be answered with the
 * earlier edit, and the event would keep showing what came in between).
 */
export function createMatrixShown(state: ChatState, clock: Clock = systemClock) {
  const name = (eventId: string) => `matrix:shown:${eventId}`;
  const write = (eventId: string, record: z.infer<typeof ShownSchema>, keepUntil: Date | undefined) =>
    state.set(name(eventId), JSON.stringify(record), keptMs(keepUntil, clock.now()));
  const read = async (eventId: string) =>
    recordOf(ShownSchema, await state.get(name(eventId))) ?? { shown: '', edits: 0 };

  return {
    /** Records what the event `eventId`, just sent, shows (a digest), until `keepUntil` if later than 30 days. */
    posted: (eventId: string, shown: string, keepUntil?: Date): Promise<void> =>
      write(eventId, { shown, edits: 0 }, keepUntil),
    /**
     * Makes the event `eventId` show `shown`: unless it does already, `edit` is called with the edit's transaction
     * suffix. What it shows is unknown while the edit is under way, so that a retry after a crash sends it again,
     * under the same transaction (the homeserver publishes it once, had the first try reached it); another content
     * meanwhile is a new edit. Remembered until `keepUntil` if later than 30 days.
     */
    async change(
      eventId: string,
      shown: string,
      edit: (txn: string) => Promise<void>,
      keepUntil?: Date,
    ): Promise<void> {
      const before = await read(eventId);
      if (before.shown === shown) return;
      const edits = before.pending === shown ? before.edits : before.edits + 1;
      await write(eventId, { shown: '', edits, pending: shown }, keepUntil);
      await edit(`${edits}-${shown}`);
      await write(eventId, { shown, edits }, keepUntil);
    },
  };
}

/** What the bot's events show, for a deployment. */
export type MatrixShown = ReturnType<typeof createMatrixShown>;
