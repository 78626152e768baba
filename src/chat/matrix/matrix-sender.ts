import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DeliveryRefusedError } from '../../core/errors.js';
import { numberedChoices } from '../../core/fallback.js';
import { translate } from '../../core/i18n/index.js';
import { toPlainText } from '../../core/message.js';
import type { Attachment, ChatSender, Directory } from '../../core/ports.js';
import type { MatrixChoices } from './matrix-choices.js';
import type { MatrixClient } from './matrix-client.js';
import { POLL_END, POLL_START, pollOf, renderPoll, renderPollEdit, renderPollEnd } from './matrix-poll.js';
import { type MatrixContent, type RenderOptions, renderMatrix } from './matrix-render.js';
import { type MatrixRooms, refusedForGood } from './matrix-rooms.js';
import { ContentUriSchema, EventIdSchema } from './matrix-schemas.js';
import type { MatrixShown } from './matrix-shown.js';

const enc = encodeURIComponent;

/** Where an event goes besides its room: a thread under an earlier event. */
export interface Placement {
  threadId?: string | undefined;
}

/** The sender plus what the inbound side reuses: events with a caller-chosen transaction id, and edits. */
export type MatrixSender = ChatSender & {
  /**
   * Sends one event. `txnId` makes it idempotent: the homeserver answers a repeated transaction with the first
   * event's id instead of posting again (client-server API, transaction identifiers).
   */
  send(roomId: string, content: Record<string, unknown>, txnId: string, type?: string): Promise<string>;
  /** Replaces an event's content (`m.replace`), the edit's transaction derived from `txnBase`. */
  edit(roomId: string, eventId: string, content: MatrixContent, txnBase: string): Promise<string>;
  /** Uploads a file and sends it as `m.file`. */
  sendFile(roomId: string, file: Attachment, txnId: string): Promise<string>;
};

/** A short digest of what an event shows, to tell a content from another. */
const digest = (content: unknown): string =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);

const threaded = (content: Record<string, unknown>, { threadId }: Placement): Record<string, unknown> =>
  threadId
    ? {
        ...content,
        'm.relates_to': {
          rel_type: 'm.thread',
          event_id: threadId,
          // Clients without threads show it as a reply to the thread's root.
          is_falling_back: true,
          'm.in_reply_to': { event_id: threadId },
        },
      }
    : content;

/**
 * The outbox's hands on Matrix: DMs (created with `is_direct` and recorded in `m.direct`), rooms by id or alias,
 * group rooms; messages split under the event size limit, each part sent with `PUT …/send/m.room.message/{txnId}`
 * where the transaction id is the delivery's tag and the part's index, so a retry after a crash never posts twice;
 * numbered choices recorded for the answers; a poll after the message when the core offers one (its votes are
 * the same choices), edited when an update asks another question, ended when an update no longer offers it; edits
 * with `m.replace`.
 */
export function createMatrixSender(deps: {
  client: MatrixClient;
  rooms: MatrixRooms;
  directory: Directory;
  choices: MatrixChoices;
  shown: MatrixShown;
  render: RenderOptions;
}): MatrixSender {
  const { client, rooms } = deps;

  async function send(
    roomId: string,
    content: Record<string, unknown>,
    txnId: string,
    type = 'm.room.message',
  ) {
    const path = `/rooms/${enc(roomId)}/send/${enc(type)}/${enc(txnId)}`;
    return (await refusedForGood(client.call({ method: 'PUT', path, body: content }, EventIdSchema)))
      .event_id;
  }

  async function userOf(email: string): Promise<string> {
    const userId = await deps.directory.userIdOf(email);
    if (!userId) throw new DeliveryRefusedError('user_not_found');
    return userId;
  }

  async function sendFile(roomId: string, file: Attachment, txnId: string) {
    const uploaded = await refusedForGood(
      client.call(
        {
          method: 'POST',
          path: `/_matrix/media/v3/upload?filename=${enc(file.name)}`,
          raw: { contentType: 'application/octet-stream', data: file.content },
        },
        ContentUriSchema,
      ),
    );
    const size = Buffer.byteLength(file.content);
    return send(
      roomId,
      { msgtype: 'm.file', body: file.name, url: uploaded.content_uri, info: { size }, 'm.mentions': {} },
      txnId,
    );
  }

  async function edit(roomId: string, eventId: string, content: MatrixContent, txnBase: string) {
    const { 'm.mentions': _mentions, ...newContent } = content;
    return send(
      roomId,
      {
        ...content,
        body: `* ${content.body}`,
        formatted_body: `* ${content.formatted_body}`,
        'm.new_content': { ...newContent, 'm.mentions': {} },
        'm.relates_to': { rel_type: 'm.replace', event_id: eventId },
      },
      `${txnBase}-edit-${eventId}`,
    );
  }

  /**
   * The poll under the message `messageId` follows its new content. No poll offered any more (a session
   * cancelled): the poll is ended, as Slack's buttons go with the blocks. Another question (a session renamed or
   * moved): the poll is edited, so the votes cast stay in it and keep counting. The same question (a new
   * headcount): nothing is sent.
   */
  async function followPoll(
    roomId: string,
    messageId: string,
    pollId: string,
    offered: ReturnType<typeof pollOf>,
    keepUntil: Date | undefined,
  ) {
    if (!offered) {
      const ended = toPlainText(translate(deps.render.locale, 'chat.pollEnded'));
      await send(roomId, renderPollEnd(pollId, ended), `cohorte-end-${pollId}`, POLL_END);
      await deps.choices.pollEnded(messageId, pollId, keepUntil);
      return;
    }
    // Its votes keep answering for as long as the message may be updated, which an update may push back.
    await deps.choices.pollKept(messageId, pollId, offered.buttons, keepUntil);
    const content = renderPoll(offered.question, offered.buttons);
    await deps.shown.change(
      pollId,
      digest(content),
      async (txn) => {
        await send(roomId, renderPollEdit(pollId, content), `cohorte-poll-${txn}-${pollId}`, POLL_START);
      },
      keepUntil,
    );
  }

  return {
    platform: 'matrix',
    send,
    sendFile,
    edit,
    async conversation(to) {
      if (to.kind === 'channel') return rooms.roomOf(to.channel);
      if (to.kind === 'group') return rooms.groupWith(await Promise.all(to.emails.map(userOf)));
      return rooms.dmWith(await userOf(to.email));
    },
    async post(roomId, message, { file, threadId, posted, onPart, beforePart, tag, keepUntil } = {}) {
      const { message: numbered, choices } = numberedChoices(message);
      const parts = renderMatrix(numbered, choices, deps.render);
      // Without a tag (nothing calls it so today) a unique transaction still posts once per call.
      const base = `cohorte-out-${tag ?? crypto.randomUUID()}`;
      // Where choices offered by this message are: their answers go in its thread.
      const placed = (eventId: string) => ({ eventId, roomId, ...(threadId ? { thread: threadId } : {}) });
      let first: string | undefined;
      for (const [index, part] of parts.entries()) {
        const earlier = posted?.get(index);
        if (earlier !== undefined) {
          first ??= earlier;
          continue;
        }
        await beforePart?.(index);
        const id = await send(roomId, threaded(part, { threadId }), `${base}-${index}`);
        first ??= id;
        await onPart?.(index, id);
        if (index === parts.length - 1) await deps.choices.record(placed(id), choices);
      }
      if (file && first) await sendFile(roomId, file, `${base}-file`);
      const poll = pollOf(message);
      if (poll && first) {
        const content = renderPoll(poll.question, poll.buttons);
        const pollId = await send(roomId, threaded(content, { threadId }), `${base}-poll`, POLL_START);
        // The poll is answered, edited and ended for as long as the message may be updated.
        await deps.choices.recordEvent(placed(pollId), poll.buttons, keepUntil);
        await deps.choices.recordPoll(first, pollId, keepUntil);
        await deps.shown.posted(pollId, digest(content), keepUntil);
      }
      return first ?? '';
    },
    async update(roomId, messageIds, message, { keepUntil } = {}) {
      const { message: numbered, choices } = numberedChoices(message);
      const parts = renderMatrix(numbered, choices, deps.render);
      // A message cannot grow new events in place: they would land after everything posted since.
      if (parts.length > messageIds.length) throw new DeliveryRefusedError('edit_needs_more_parts');
      const [first] = messageIds;
      if (!first) return parts.length;
      // The same content is not sent again; each new one (even back to an earlier one) gets its own transaction.
      await deps.shown.change(
        first,
        digest(parts),
        async (txn) => {
          for (const [index, id] of messageIds.entries()) {
            const part = parts[index];
            if (part) await edit(roomId, id, part, `cohorte-upd-${txn}`);
            else
              await refusedForGood(
                client.call(
                  {
                    method: 'PUT',
                    path: `/rooms/${enc(roomId)}/redact/${enc(id)}/${enc(`cohorte-del-${id}`)}`,
                    body: {},
                  },
                  z.unknown(),
                ),
              );
          }
        },
        keepUntil,
      );
      // After the edits, so that a refused poll event leaves the message up to date.
      const pollId = await deps.choices.pollUnder(first);
      if (pollId) await followPoll(roomId, first, pollId, pollOf(message), keepUntil);
      return parts.length;
    },
    // Every part is sent under a transaction id derived from the delivery: sending it again is the lookup.
    findPosted: async () => new Map(),
  };
}
