import type { ChatCapabilities } from '../../core/chat-adapter.js';
import { numberedChoices, showReply } from '../../core/fallback.js';
import type { Reply } from '../../core/handler.js';
import type { Translate } from '../../core/i18n/index.js';
import type { ChatUser } from '../../core/ids.js';
import { type Message, textMessage } from '../../core/message.js';
import type { ChatState, Directory, Logger } from '../../core/ports.js';
import type { Router } from '../../core/router.js';
import type { MatrixChoices, Picked } from './matrix-choices.js';
import { waitingOutLimit } from './matrix-client.js';
import type { Conversations } from './matrix-conversation.js';
import { pollVote } from './matrix-poll.js';
import { type RenderOptions, renderMatrix } from './matrix-render.js';
import type { MatrixRooms } from './matrix-rooms.js';
import { type MatrixEvent, RelatesToSchema } from './matrix-schemas.js';
import type { MatrixSender } from './matrix-sender.js';
import { commandOf, typedText } from './matrix-text.js';

/** The notice about an encrypted room is said once per room, and again after a month if nothing changed. */
const ENCRYPTED_NOTICE_TTL_MS = 30 * 24 * 3600_000;

/** What the inbound side works with. */
export interface InboundDeps {
  router: Router;
  sender: MatrixSender;
  rooms: MatrixRooms;
  directory: Directory;
  choices: MatrixChoices;
  conversations: Conversations;
  state: ChatState;
  render: RenderOptions;
  capabilities: ChatCapabilities;
  /** The community's language: the adapter's own notices (choices, conversations, encrypted rooms). */
  t: Translate;
  log: Logger;
}

/** Where an answer goes: the room of what it answers, whether that is the person's DM, and the event answered. */
interface Origin {
  user: ChatUser;
  roomId: string;
  eventId: string;
  /** The thread an answer in a shared room goes in: the one the event is in, else one under the event. */
  thread: string;
  dm: boolean;
  /** How many events were sent in answer so far: the next one's transaction id. */
  sent: number;
}

/**
 * What a person does on Matrix, turned into the core's invocations: `!cohorte …` (or `/cohorte …`) messages become
 * commands, a number or a ✅/❌ reaction picks a numbered choice, a message in a DM with a conversation going on
 * answers its question. Answers go back in the DM, or, asked in a shared room, in a thread under the command when
 * everyone may see them and by DM when they are personal (what Slack shows only to the person).
 */
export function createMatrixInbound(deps: InboundDeps) {
  const { t } = deps;

  /** Sends messages, each part under a transaction derived from the event answered: a replay answers once. */
  async function say(roomId: string, origin: Origin, messages: Message[], threadId?: string) {
    let last: string | undefined;
    for (const original of messages) {
      const { message, choices } = numberedChoices(original);
      const parts = renderMatrix(message, choices, deps.render);
      for (const part of parts) {
        const content = threadId
          ? {
              ...part,
              'm.relates_to': {
                rel_type: 'm.thread',
                event_id: threadId,
                is_falling_back: true,
                'm.in_reply_to': { event_id: threadId },
              },
            }
          : part;
        const txnId = `cohorte-re-${origin.eventId}-${origin.sent++}`;
        // No queue retries an answer: a rate limit is waited out, the same transaction never posting twice.
        last = await waitingOutLimit(() => deps.sender.send(roomId, content, txnId));
      }
      if (last && choices.length > 0)
        await deps.choices.record(
          { eventId: last, roomId, owner: origin.user.id, ...(threadId ? { thread: threadId } : {}) },
          choices,
        );
    }
    return last;
  }

  async function personalRoom(origin: Origin): Promise<string> {
    return origin.dm ? origin.roomId : deps.rooms.dmWith(origin.user.id);
  }

  /** Shows a handler's reply where it belongs; `replacing` is the message with the choices that was answered. */
  async function deliver(origin: Origin, reply: Reply, replacing?: { roomId: string; eventId: string }) {
    const shown = showReply(reply, deps.capabilities);
    if (shown.kind !== 'message') {
      const room = await personalRoom(origin);
      const opening = await deps.conversations.start(origin.user.id, room, shown.form, t);
      await say(room, origin, opening);
      if (room !== origin.roomId)
        await say(origin.roomId, origin, [textMessage(t('chat.sentPrivately'))], origin.thread);
      return;
    }
    const parts = renderMatrix(shown.message, shown.choices, deps.render);
    const [only] = parts;
    if (reply.replace && replacing && parts.length === 1 && only && shown.choices.length === 0) {
      await deps.sender.edit(replacing.roomId, replacing.eventId, only, `cohorte-re-${origin.eventId}`);
      return;
    }
    const personal = reply.visibility === 'ephemeral' && !origin.dm;
    if (personal) {
      await say(await personalRoom(origin), origin, [reply.message]);
      await say(origin.roomId, origin, [textMessage(t('chat.sentPrivately'))], origin.thread);
      return;
    }
    await say(origin.roomId, origin, [reply.message], origin.dm ? undefined : origin.thread);
  }

  async function command(origin: Origin, name: string, text: string) {
    const known = await deps.directory.emailOf(origin.user);
    if (!known) {
      const help = await deps.router.command({
        user: origin.user,
        command: 'cohorte',
        text: 'aide',
        channel: origin.roomId,
      });
      const notice = textMessage(t('chat.unknownAccount', { user: origin.user.id }));
      const both = { fallback: notice.fallback, blocks: [...notice.blocks, ...help.message.blocks] };
      return say(await personalRoom(origin), origin, [both]);
    }
    const reply = await deps.router.command({
      user: origin.user,
      command: name,
      text,
      channel: origin.roomId,
    });
    return deliver(origin, reply);
  }

  async function pickNumber(origin: Origin, n: number) {
    const picked = await deps.choices.byNumber(origin.roomId, origin.user.id, n);
    if (picked.kind === 'button') return click(origin, picked);
    if (picked.kind === 'foreign') return refuseForeign(origin);
    // In a shared room a number is often just a number: only the DM is told.
    if (!origin.dm) return;
    const refusal =
      picked.kind === 'stale' ? t('chat.staleButton') : t('chat.numberOutOfRange', { n, max: picked.max });
    return say(origin.roomId, origin, [textMessage(refusal)]);
  }

  async function click(
    origin: Origin,
    picked: Extract<Awaited<ReturnType<MatrixChoices['byNumber']>>, { kind: 'button' }>,
  ) {
    const { button, choices } = picked;
    const reply = await deps.router.action({ user: origin.user, ...button, channel: choices.roomId });
    return deliver(origin, reply, choices);
  }

  async function message(origin: Origin, event: MatrixEvent) {
    const relation = RelatesToSchema.safeParse(event.content['m.relates_to']);
    // An edit of an earlier message is not a new command.
    if (relation.success && relation.data.rel_type === 'm.replace') return;
    const text = typedText(event.content);
    const typed = commandOf(text);
    if (typed && (origin.dm || deps.render.commands.has(typed.name)))
      return command(origin, typed.name, typed.text);
    const step = await deps.conversations.answer(origin.user, origin.roomId, text, t);
    if (step) {
      await say(origin.roomId, origin, step.messages);
      if (step.reply) await deliver(origin, step.reply);
      return;
    }
    if (/^\d{1,3}$/.test(text.trim())) return pickNumber(origin, Number(text.trim()));
    if (origin.dm) await say(origin.roomId, origin, [textMessage(t('chat.typeCommand'))]);
  }

  async function reaction(origin: Origin, event: MatrixEvent) {
    const relation = RelatesToSchema.safeParse(event.content['m.relates_to']);
    if (!relation.success || relation.data.rel_type !== 'm.annotation') return;
    const { event_id: target, key } = relation.data;
    if (!target || !key) return;
    return answerOn(origin, target, await deps.choices.byReaction(target, origin.user.id, key));
  }

  /**
   * A vote in a poll the bot started: the choice of that number, as if typed. In a poll the bot ended (a client
   * that let the person vote anyway), the vote counts for nothing (MSC3381): the person is told so, under the poll,
   * once per poll (their next late votes are ignored, not answered in the thread everyone reads).
   */
  async function vote(origin: Origin, { pollId, n }: { pollId: string; n: number }) {
    const picked = await deps.choices.byPollAnswer(pollId, origin.user.id, n);
    if (picked?.kind !== 'ended') return answerOn(origin, pollId, picked);
    if (picked.told) return;
    const thread = origin.dm ? undefined : picked.thread;
    return say(origin.roomId, origin, [textMessage(t('chat.pollClosed'))], thread);
  }

  /**
   * A choice picked on the event `target` (a reaction, a vote), neither of which can be a thread's root: what
   * answers it goes in the thread of that event. Out of range, or on no choices: nothing to answer.
   */
  async function answerOn(origin: Origin, target: string, picked: Picked | undefined) {
    if (picked?.kind !== 'button' && picked?.kind !== 'foreign') return;
    const answered = { ...origin, thread: picked.choices?.thread ?? target };
    if (picked.kind === 'button') return click(answered, picked);
    return refuseForeign(answered);
  }

  /**
   * Someone answered choices offered to another person: the refusal of a stale button, where they answered (in a
   * shared room, in the thread of the answer). It names nothing of the person the choices were for.
   */
  async function refuseForeign(origin: Origin) {
    const refusal = [textMessage(t('chat.staleButton'))];
    return say(origin.roomId, origin, refusal, origin.dm ? undefined : origin.thread);
  }

  async function encrypted(origin: Origin) {
    if (
      !(await deps.state.claim(`matrix:encrypted:${origin.roomId}`, origin.eventId, ENCRYPTED_NOTICE_TTL_MS))
    )
      return;
    deps.log.warn({ room: origin.roomId }, 'encrypted event the bot cannot read');
    await say(origin.roomId, origin, [textMessage(t('chat.encrypted'))]);
  }

  return {
    /** Handles one event of a joined room, sent by someone else (the sync loop filters the bot's own). */
    async handle(roomId: string, event: MatrixEvent): Promise<void> {
      if (!event.sender || !event.event_id) return;
      const user: ChatUser = { platform: 'matrix', id: event.sender };
      const dm = await deps.rooms.isDmWith(roomId, event.sender);
      const relation = RelatesToSchema.safeParse(event.content['m.relates_to']);
      // A thread's root has no relation of its own: an event already in a thread is answered in that thread.
      const inThread =
        relation.success && relation.data.rel_type === 'm.thread' ? relation.data.event_id : undefined;
      const origin: Origin = {
        user,
        roomId,
        eventId: event.event_id,
        thread: inThread ?? event.event_id,
        dm,
        sent: 0,
      };
      const voted = pollVote(event);
      if (event.type === 'm.room.encrypted') await encrypted(origin);
      else if (event.type === 'm.reaction') await reaction(origin, event);
      else if (voted) await vote(origin, voted);
      else if (event.type === 'm.room.message' && event.content.msgtype === 'm.text')
        await message(origin, event);
    },
  };
}
