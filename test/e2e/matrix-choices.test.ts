import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createMatrixChoices } from '../../src/chat/matrix/matrix-choices.js';
import { FORGET_ACTION } from '../../src/core/personal-data.js';
import { createChatStateRepo } from '../../src/store/chat-state.repo.js';
import { createKeys } from '../../src/store/keys.js';
import { shownMx, threadOf } from '../support/chat-e2e-matrix.js';
import { REDIS_URL } from '../support/cohorte.js';
import { type MatrixE2e, MX_BOT, MX_PEOPLE, startMatrixE2e } from '../support/matrix-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines } = MX_PEOPLE;
const STALE =
  'Ce bouton n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande pour en avoir un nouveau.';

describe('numbered choices on Matrix in a shared room: only the person they were offered to answers them', () => {
  let e2e: MatrixE2e;
  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e.stop();
  });

  /** The bot's `/cohorte oublier` question, offered to `owner` in `room`, as the adapter records an answer with choices. */
  async function offer(room: string, owner: string) {
    const listed = e2e.double.state.addEvent(room, MX_BOT, 'm.room.message', {
      msgtype: 'm.text',
      body: 'Effacer vos données ?\n[1] Oui, tout effacer   [2] Annuler',
    });
    const redis = new Redis(REDIS_URL);
    const choices = createMatrixChoices(createChatStateRepo(redis, createKeys(e2e.bot.prefix)));
    await choices.record({ eventId: listed.event_id, roomId: room, owner }, [
      { actionId: FORGET_ACTION, label: [], value: 'yes' },
      { actionId: FORGET_ACTION, label: [], value: 'no' },
    ]);
    redis.disconnect();
    return listed;
  }

  /** Where an answer was shown: its room, the thread it is in (if any), its text. */
  const shownWhere = (answers: ReturnType<MatrixE2e['answersTo']>) =>
    answers.map((e) => [e.room, threadOf(e.event), shownMx(e.event)]);
  /** `person` sends `content` in `room` and waits for the bot's one answer to it. */
  async function answerTo(
    person: { id: string },
    room: string,
    type: string,
    content: Record<string, unknown>,
  ) {
    const sent = e2e.double.send(person.id, room, type, content);
    await waitFor(() => e2e.answersTo(sent.event_id).length === 1, 5000, `the answer to ${type}`);
    return { sent, answers: e2e.answersTo(sent.event_id) };
  }

  it('refuses a number, ✅ or ❌ answering someone else’s choices as a stale button, in a thread of that room', async () => {
    e2e = await startMatrixE2e('mx-foreign');
    const room = e2e.double.room('#defi-lexiq:agent.tchap.gouv.fr', [ines.id, claire.id, MX_BOT]);
    const listed = await offer(room, ines.id);

    // Where she typed the number, under it: the refusal of a stale button, nothing in her DM.
    const byNumber = await e2e.say(claire, '1', { room });
    expect(shownWhere(byNumber.events)).toEqual([[room, byNumber.asked.event_id, STALE]]);
    // A number typed in a thread is answered in that thread.
    const root = e2e.double.send(claire.id, room, 'm.room.message', {
      msgtype: 'm.text',
      body: 'On en parle ?',
    });
    const inThread = await answerTo(claire, room, 'm.room.message', {
      msgtype: 'm.text',
      body: '2',
      'm.relates_to': { rel_type: 'm.thread', event_id: root.event_id, is_falling_back: true },
    });
    expect(shownWhere(inThread.answers)).toEqual([[room, root.event_id, STALE]]);
    // A reaction is no thread root: the refusal goes in the thread of the message reacted to.
    for (const key of ['✅', '❌']) {
      const reaction = await answerTo(claire, room, 'm.reaction', {
        'm.relates_to': { rel_type: 'm.annotation', event_id: listed.event_id, key },
      });
      expect(shownWhere(reaction.answers)).toEqual([[room, listed.event_id, STALE]]);
    }
    expect(e2e.double.dmWith(claire.id)).toBeUndefined();

    // Nothing was erased in Claire's name, nor Inès's choice used up: Inès still answers it.
    const [mine] = (await e2e.say(ines, '2', { room })).events;
    expect(mine && shownMx(mine.event)).toBe('Rien n’a été effacé.');
  });

  /** The adapter's records (`<prefix>:chat:*`) whose value holds one of `ids`, as a JSON string. */
  async function recordsHolding(...ids: string[]) {
    const redis = new Redis(REDIS_URL);
    const found: string[] = [];
    for (const key of await redis.keys(`${e2e.bot.prefix}:chat:*`)) {
      const value = (await redis.get(key)) ?? '';
      if (ids.some((id) => value.includes(JSON.stringify(id)))) found.push(key);
    }
    redis.disconnect();
    return found;
  }

  it('/cohorte oublier also erases the choices offered to the person and their conversation in progress', async () => {
    e2e = await startMatrixE2e('mx-forget');
    const room = e2e.double.room('#defi-lexiq:agent.tchap.gouv.fr', [ines.id, claire.id, MX_BOT]);
    await offer(room, ines.id);
    await e2e.say(ines, '!cohorte oublier');
    await e2e.say(ines, '!standup', { count: 2 });
    await e2e.say(claire, '!cohorte oublier');
    const dm = await e2e.dm(ines);
    const claires = await recordsHolding(claire.id, await e2e.dm(claire));
    expect(claires.length).toBeGreaterThanOrEqual(1);
    // Offered in the shared room (by room, by event, latest offered), in her DM (by room, by event), the form.
    expect((await recordsHolding(ines.id, dm)).length).toBeGreaterThanOrEqual(6);

    const user = { platform: 'matrix' as const, id: ines.id };
    await e2e.bot.cohorte.router.action({ user, actionId: FORGET_ACTION, value: 'yes', channel: dm });

    expect(await recordsHolding(ines.id, dm)).toEqual([]);
    expect(await recordsHolding(claire.id, await e2e.dm(claire))).toEqual(claires);
  });
});
