import { z } from 'zod';
import { type Clock, systemClock } from '../../core/clock.js';
import type { Button } from '../../core/message.js';
import { type ChatState, keptMs } from '../../core/ports.js';
import { recordOf } from './matrix-schemas.js';

/** Numbered choices stay answerable for a week, like a button people scroll back to. */
const CHOICES_TTL_MS = 7 * 24 * 3600_000;

const ChoicesSchema = z.object({
  /** The event that lists the choices (edited in place when the answer replaces it). */
  eventId: z.string(),
  roomId: z.string(),
  /** The thread the message is in, when it is in one. */
  thread: z.string().optional(),
  /** Who may answer: the person the message was for; absent when anyone in the room may (a channel post). */
  owner: z.string().optional(),
  buttons: z.array(z.object({ actionId: z.string(), value: z.string() })),
});
/** The choices of one message, as recorded when it was sent. */
export type Choices = z.infer<typeof ChoicesSchema>;

/** A poll the bot ended: where its late voters are told, and until when its records are kept (as its choices were). */
const EndedSchema = z.object({ thread: z.string(), keepUntil: z.coerce.date().optional() });

/** What an answer picked: the button, or why it cannot be picked. */
export type Picked =
  | { kind: 'button'; choices: Choices; button: { actionId: string; value: string } }
  | { kind: 'outOfRange'; max: number }
  | { kind: 'stale' }
  /** The choices answered were offered to someone else (`choices`, when the answer named their message). */
  | { kind: 'foreign'; choices?: Choices };

/**
 * Buttons become numbered choices on Matrix: the message's buttons are recorded under its event and its room (and,
 * for a message meant for one person, that person), so a number typed in the room, or a ✅/❌ reaction on the
 * message, finds the button. The latest message with choices in a room is the one a number answers. The latest
 * choices offered to one person in a room are also recorded under the room alone, so that someone else's number there
 * is told it is not theirs rather than taken for an ordinary number.
 */
export function createMatrixChoices(state: ChatState, clock: Clock = systemClock) {
  const roomName = (roomId: string, owner: string | undefined) =>
    `matrix:choices:room:${roomId}${owner ? `:${owner}` : ''}`;
  const eventName = (eventId: string) => `matrix:choices:event:${eventId}`;
  const offeredName = (roomId: string) => `matrix:choices:offered:${roomId}`;
  const pollName = (messageId: string) => `matrix:choices:poll:${messageId}`;
  const endedName = (pollId: string) => `matrix:choices:ended:${pollId}`;
  const toldName = (pollId: string, userId: string) => `matrix:choices:told:${pollId}:${userId}`;
  /** The ended poll `pollId`; a record written before it was JSON is the bare thread. */
  const readEnded = async (pollId: string) => recordOf(EndedSchema, await state.get(endedName(pollId)));
  const read = async (name: string) => recordOf(ChoicesSchema, await state.get(name));
  /** A choice meant for one person is answered once: both its records go, before the click is handled. */
  const consume = async (choices: Choices) => {
    if (!choices.owner) return;
    await state.delete(roomName(choices.roomId, choices.owner));
    await state.delete(eventName(choices.eventId));
    if ((await read(offeredName(choices.roomId)))?.eventId === choices.eventId)
      await state.delete(offeredName(choices.roomId));
  };
  const pick = async (choices: Choices, index: number): Promise<Picked> => {
    const button = choices.buttons[index];
    if (!button) return { kind: 'outOfRange', max: choices.buttons.length };
    await consume(choices);
    return { kind: 'button', choices, button };
  };

  const serialized = (choices: Omit<Choices, 'buttons'>, buttons: readonly Button[]) =>
    JSON.stringify({ ...choices, buttons: buttons.map((b) => ({ actionId: b.actionId, value: b.value })) });
  /** An answer to the choices of one message: foreign when they were meant for someone else. */
  const answered = (choices: Choices, userId: string, index: number): Promise<Picked> | Picked =>
    choices.owner && choices.owner !== userId ? { kind: 'foreign', choices } : pick(choices, index);

  return {
    /** Records the buttons of a message just sent. */
    async record(choices: Omit<Choices, 'buttons'>, buttons: readonly Button[]): Promise<void> {
      if (buttons.length === 0) return;
      const value = serialized(choices, buttons);
      await state.set(roomName(choices.roomId, choices.owner), value, CHOICES_TTL_MS);
      await state.set(eventName(choices.eventId), value, CHOICES_TTL_MS);
      if (choices.owner) await state.set(offeredName(choices.roomId), value, CHOICES_TTL_MS);
    },
    /**
     * Records buttons answered on one event only (a poll's votes): a number typed in the room keeps answering the
     * message that lists them. Kept as long as the poll is (not a week like numbers): a poll stays open in every
     * client until it is ended, so a vote weeks later must still count; until `keepUntil` when later than 30 days.
     */
    async recordEvent(
      choices: Omit<Choices, 'buttons'>,
      buttons: readonly Button[],
      keepUntil?: Date,
    ): Promise<void> {
      await state.set(
        eventName(choices.eventId),
        serialized(choices, buttons),
        keptMs(keepUntil, clock.now()),
      );
    },
    /** Records the poll `pollId` offered under the message `messageId` (its first event), as long as its choices. */
    async recordPoll(messageId: string, pollId: string, keepUntil?: Date): Promise<void> {
      await state.set(pollName(messageId), pollId, keptMs(keepUntil, clock.now()));
    },
    /**
     * The poll `pollId`, still open under the message `messageId`, now offers `buttons` (an edit of the message): its
     * votes answer them, and it is known as long as its choices, until `keepUntil` when later than 30 days (a session
     * moved later keeps its announcement longer).
     */
    async pollKept(
      messageId: string,
      pollId: string,
      buttons: readonly Button[],
      keepUntil?: Date,
    ): Promise<void> {
      const choices = await read(eventName(pollId));
      if (!choices) return;
      const ttl = keptMs(keepUntil, clock.now());
      await state.set(eventName(pollId), serialized(choices, buttons), ttl);
      await state.set(pollName(messageId), pollId, ttl);
    },
    /** The poll still open under the message `messageId`, if it has one. */
    pollUnder: (messageId: string): Promise<string | undefined> => state.get(pollName(messageId)),
    /**
     * The poll under `messageId` is ended: a vote on it no longer answers the choice, as MSC3381 says; it is known
     * as ended for as long as the poll was known, to tell a late voter.
     */
    async pollEnded(messageId: string, pollId: string, keepUntil?: Date): Promise<void> {
      // Where a late voter is told: the poll's thread, or under the poll.
      const thread = (await read(eventName(pollId)))?.thread ?? pollId;
      await state.set(
        endedName(pollId),
        JSON.stringify({ thread, keepUntil }),
        keptMs(keepUntil, clock.now()),
      );
      await state.delete(eventName(pollId));
      await state.delete(pollName(messageId));
    },
    /** The button numbered `n` (from 1) of the latest choices `userId` may answer in `roomId`. */
    async byNumber(roomId: string, userId: string, n: number): Promise<Picked> {
      const choices = (await read(roomName(roomId, userId))) ?? (await read(roomName(roomId, undefined)));
      if (choices) return pick(choices, n - 1);
      const offered = await read(offeredName(roomId));
      return offered && offered.owner !== userId ? { kind: 'foreign' } : { kind: 'stale' };
    },
    /**
     * A reaction where a single tap fits: on a message of two or three choices, a question whose first choice says
     * yes and last says no (Accepter / Pas disponible; Je viens / Peut-être / Je ne viens pas), ✅ (or 👍) picks the
     * first and ❌ (or 👎) the last; a message meant for someone else is foreign to this person. Undefined for any
     * other reaction or message (nothing to answer).
     */
    async byReaction(eventId: string, userId: string, key: string): Promise<Picked | undefined> {
      const yes = ['✅', '✔️', '👍'].includes(key);
      if (!yes && !['❌', '✖️', '👎'].includes(key)) return undefined;
      const choices = await read(eventName(eventId));
      // A thumbs-up on an announcement without choices, or on a longer list, is just a reaction.
      if (!choices || choices.buttons.length < 2 || choices.buttons.length > 3) return undefined;
      return answered(choices, userId, yes ? 0 : choices.buttons.length - 1);
    },
    /**
     * The answer numbered `n` (from 1) of the poll `eventId`; `ended` once the bot ended it (with the thread its
     * late voters are told in, and whether `userId` was told already: once per person and poll, remembered as long
     * as the poll's records are, so that voting again and again does not fill the thread); undefined for a poll the
     * bot did not start.
     */
    async byPollAnswer(
      eventId: string,
      userId: string,
      n: number,
    ): Promise<Picked | { kind: 'ended'; thread: string; told: boolean } | undefined> {
      const choices = await read(eventName(eventId));
      if (choices) return answered(choices, userId, n - 1);
      const ended = await readEnded(eventId);
      if (!ended) return undefined;
      const ttl = keptMs(ended.keepUntil, clock.now());
      const told = !(await state.claim(toldName(eventId, userId), '1', ttl));
      return { kind: 'ended', thread: ended.thread, told };
    },
  };
}

/** The recorded choices of a deployment. */
export type MatrixChoices = ReturnType<typeof createMatrixChoices>;
