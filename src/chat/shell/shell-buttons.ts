import type { Button } from '../../core/message.js';

/** Where a button was shown: in a reply to one person, in a conversation of a few people, or in a channel. */
export type ButtonPlace =
  | { kind: 'reply'; email: string }
  | { kind: 'people'; emails: string[] }
  | { kind: 'channel'; channel: string };

/** One numbered button: what it does, where it was shown, and the message it belongs to. */
export interface ShownButton {
  n: number;
  button: Button;
  place: ButtonPlace;
  messageId: string;
}

/**
 * Every button the shell has shown, numbered once for the whole session, wherever it was posted: `:click <n>`
 * finds it by that number. A message edited or replaced keeps its buttons' numbers (same place in the message), so
 * the number someone read stays the one to type.
 */
export function createButtonBoard() {
  const byNumber = new Map<number, ShownButton>();
  const byMessage = new Map<string, number[]>();
  let last = 0;
  return {
    /** Shows a message's buttons (again, for an edit); returns their numbers, in order. */
    place(messageId: string, place: ButtonPlace, buttons: readonly Button[]): number[] {
      const before = byMessage.get(messageId) ?? [];
      for (const n of before.slice(buttons.length)) byNumber.delete(n);
      const numbers = buttons.map((button, i) => {
        const n = before[i] ?? ++last;
        byNumber.set(n, { n, button, place, messageId });
        return n;
      });
      byMessage.set(messageId, numbers);
      return numbers;
    },
    get: (n: number): ShownButton | undefined => byNumber.get(n),
  };
}

/** The board of one shell. */
export type ButtonBoard = ReturnType<typeof createButtonBoard>;
