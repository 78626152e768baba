import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { createMatrixChoices } from '../../src/chat/matrix/matrix-choices.js';
import { createChatStateRepo } from '../../src/store/chat-state.repo.js';
import { createKeys } from '../../src/store/keys.js';
import type { ChatButton, ChatE2e, Clicked, PersonKey, Seen } from './chat-e2e.js';
import { REDIS_URL } from './cohorte.js';
import type { MatrixDouble, MatrixDoubleEvent } from './matrix-double.js';
import { MatrixDoubleState } from './matrix-double-state.js';
import { type MatrixAnswer, type MatrixE2e, MX_PEOPLE, startMatrixE2e } from './matrix-e2e.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What a person reads of an event's HTML, in Slack's markers (`*gras*`, `_italique_`, `` `code` ``), headings unmarked. */
export function shownMx(event: MatrixDoubleEvent): string {
  const content = (event.content['m.new_content'] ?? event.content) as Record<string, unknown>;
  const html =
    typeof content.formatted_body === 'string' ? content.formatted_body : String(content.body ?? '');
  return html
    .replace(/<\/?b>/g, '*')
    .replace(/<\/?h4>/g, '')
    .replace(/<\/?i>/g, '_')
    .replace(/<\/?code>/g, '`')
    .replace(/<br>|<hr>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** What an event relates to (`m.relates_to`): a thread, an edit, a reaction's target. */
export const relationOf = (event: MatrixDoubleEvent) =>
  event.content['m.relates_to'] as { rel_type?: string; event_id?: string } | undefined;

/** The root of the thread an event is in, if it is in one. */
export const threadOf = (event: MatrixDoubleEvent): string | undefined => {
  const relation = relationOf(event);
  return relation?.rel_type === 'm.thread' ? relation.event_id : undefined;
};

/** The numbered choices listed in an event (`[1] Oui   [2] Non`), in order. */
export const choicesOf = (event: MatrixDoubleEvent): string[] =>
  [...String(event.content.body ?? '').matchAll(/\[(\d+)\] (.+?)(?=\s{3}\[\d+\]|\n|$)/g)].map(
    (m) => m[2] ?? '',
  );

/** The files the bot sent (`m.file`), oldest first: their event, room, name and uploaded content. */
export const filesOf = (double: MatrixDouble) =>
  double
    .botEvents()
    .filter((e) => e.event.content.msgtype === 'm.file')
    .map((e) => ({
      ...e,
      name: String(e.event.content.body),
      content: double.state.uploads.find((u) => u.contentUri === e.event.content.url)?.content ?? '',
    }));

/** The bot on the Matrix double, driven as people write on Tchap: `!cohorte …` in their DM with the bot. */
export async function matrixE2e(name: string): Promise<ChatE2e> {
  const e2e: MatrixE2e = await startMatrixE2e(`${name}-mx`);
  const { double } = e2e;
  const person = (key: PersonKey) => MX_PEOPLE[key];

  async function pick(key: PersonKey, room: string, n: number, choices: MatrixDoubleEvent): Promise<Clicked> {
    const answer = await e2e.say(person(key), String(n), { room });
    const [first] = answer.events;
    const edit = first?.event.content['m.relates_to'] as { rel_type?: string; event_id?: string } | undefined;
    return {
      status: 200,
      ms: answer.ms,
      text: first ? shownMx(first.event) : '',
      replaced: edit?.rel_type === 'm.replace' && edit.event_id === choices.event_id,
    };
  }

  const seen = (answer: MatrixAnswer): Seen => {
    const events = answer.events.map((e) => e.event);
    const withChoices = events.find((e) => choicesOf(e).length > 0);
    const room = answer.events[0]?.room ?? '';
    const buttons: ChatButton[] = withChoices
      ? choicesOf(withChoices).map((label, i) => ({
          label,
          click: (key) => pick(key, room, i + 1, withChoices),
        }))
      : [];
    return {
      status: 200,
      // Answered in the person's DM: nobody else reads it.
      ephemeral: answer.events.every((e) => e.room === double.dmWith(answer.asked.sender)),
      text: events.map(shownMx).join('\n'),
      ms: answer.ms,
      buttons,
    };
  };

  return {
    platform: 'matrix',
    bot: e2e.bot,
    prefix: '!',
    async cohorte(key, text) {
      const mentioned = (k: PersonKey) => person(k);
      const body = `!cohorte ${text.replace(/\{(\w+)\}/g, (_, k: PersonKey) => mentioned(k).name)}`.trim();
      const html = text.includes('{')
        ? `!cohorte ${text.replace(/\{(\w+)\}/g, (_, k: PersonKey) => `<a href="https://matrix.to/#/${mentioned(k).id}">${mentioned(k).name}</a>`)}`
        : undefined;
      return seen(await e2e.say(person(key), body, html ? { html } : {}));
    },
    email: (address) => address,
    lookups: (key) =>
      double.state.lookups.filter((hashes) =>
        hashes.includes(MatrixDoubleState.hash(person(key).email, 'matrixrocks')),
      ).length,
    files: () =>
      filesOf(double).map(({ room, name, content }) => ({
        to: Object.values(MX_PEOPLE).find((p) => double.dmWith(p.id) === room)?.email ?? room,
        name,
        content,
      })),
    dmTexts: (key) => {
      const dm = double.dmWith(person(key).id);
      // The bot's own posts (the outbox's), not its answers to commands, which land in the same DM.
      return double
        .botEvents(dm)
        .filter((e) => e.txnId.startsWith('cohorte-out-') && e.event.content.msgtype === 'm.text')
        .map((e) => shownMx(e.event));
    },
    userId: (key) => person(key).id,
    async clickUnknown(key) {
      // Choices recorded by an older release, for an action no handler knows any more.
      const room = await e2e.dm(person(key));
      const redis = new Redis(REDIS_URL);
      const choices = createMatrixChoices(createChatStateRepo(redis, createKeys(e2e.bot.prefix)));
      const listed = double.state.addEvent(room, double.botId, 'm.room.message', {
        msgtype: 'm.text',
        body: '1. Oui',
      });
      await choices.record({ eventId: listed.event_id, roomId: room, owner: person(key).id }, [
        { actionId: 'inconnu', label: [], value: 'yes' },
      ]);
      redis.disconnect();
      return pick(key, room, 1, listed);
    },
    async stop() {
      expect(double.offSpec).toEqual([]);
      await e2e.stop();
    },
  };
}
