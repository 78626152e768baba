import { z } from 'zod';
import type { ChatState } from '../../core/ports.js';

/** What an event shows is remembered as long as the outbox may update it. */
const SHOWN_TTL_MS = 30 * 24 * 3600_000;

const ShownSchema = z.object({
  /** A digest of what the event shows now; empty when unknown (an edit was under way). */
  shown: z.string(),
  /** How many edits were sent: each has its own transaction. */
  edits: z.number().int().min(0),
});

/**
 * What the bot's events show, for their edits: an edit is sent only when the content changes, under a transaction
 * of its own (its number and content). A retry of the same edit is deduplicated by the homeserver, while an edit
 * back to an earlier content is sent again (a transaction named by its content alone would be answered with the
 * earlier edit, and the event would keep showing what came in between).
 */
export function createMatrixShown(state: ChatState) {
  const name = (eventId: string) => `matrix:shown:${eventId}`;
  const write = (eventId: string, shown: string, edits: number) =>
    state.set(name(eventId), JSON.stringify({ shown, edits }), SHOWN_TTL_MS);
  async function read(eventId: string) {
    const raw = await state.get(name(eventId));
    const parsed = raw ? ShownSchema.safeParse(JSON.parse(raw)) : undefined;
    return parsed?.success ? parsed.data : { shown: '', edits: 0 };
  }

  return {
    /** Records what the event `eventId`, just sent, shows (a digest). */
    posted: (eventId: string, shown: string): Promise<void> => write(eventId, shown, 0),
    /**
     * Makes the event `eventId` show `shown`: unless it does already, `edit` is called with the edit's transaction
     * suffix. What it shows is unknown while the edit is under way, so that a retry after a crash sends it again.
     */
    async change(eventId: string, shown: string, edit: (txn: string) => Promise<void>): Promise<void> {
      const before = await read(eventId);
      if (before.shown === shown) return;
      const edits = before.edits + 1;
      await write(eventId, '', edits);
      await edit(`${edits}-${shown}`);
      await write(eventId, shown, edits);
    },
  };
}

/** What the bot's events show, for a deployment. */
export type MatrixShown = ReturnType<typeof createMatrixShown>;
