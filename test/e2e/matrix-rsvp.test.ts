import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeSession, publishSession } from '../../src/core/sessions/lifecycle.js';
import { createKeys } from '../../src/store/keys.js';
import { ageKeys } from '../support/age-redis.js';
import { relationOf, shownMx, threadOf } from '../support/chat-e2e-matrix.js';
import { type MatrixE2e, MX_BOT, MX_PEOPLE, MX_SERVER, startMatrixE2e } from '../support/matrix-e2e.js';
import { aSession } from '../support/session-fixture.js';
import { waitFor } from '../support/wait.js';

const { ines, thomas, claire } = MX_PEOPLE;
const SESSION = aSession({ capacity: 2, createdAt: '2026-11-23T10:00:00Z' });
const POLL_START = 'org.matrix.msc3381.poll.start';
const POLL_END = 'org.matrix.msc3381.poll.end';

/** The example event of `type` in MSC3381's section on its unstable names (JSON with trailing commas). */
function unstableExample(type: string): { type: string; content: Record<string, Record<string, unknown>> } {
  const text = readFileSync(new URL('../fixtures/matrix/msc3381-polls.unstable.md', import.meta.url), 'utf8');
  const examples = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) =>
    JSON.parse((m[1] ?? '').replace(/,(\s*[}\]])/g, '$1')),
  );
  const found = examples.find((e) => e.type === type);
  if (!found) throw new Error(`no example of ${type}`);
  return found;
}

/** What people see of the announcement in `room`, and of its poll. */
function roomView(e2e: () => MatrixE2e, room: () => string) {
  const events = () => e2e().double.botEvents(room());
  /** The edits of `eventId`, oldest first. */
  const editsOf = (eventId: string | undefined) =>
    events().filter((e) => {
      const relation = relationOf(e.event);
      return relation?.rel_type === 'm.replace' && relation.event_id === eventId;
    });
  /** The announcement event, as posted by the outbox. */
  const announcement = () => events().find((e) => e.txnId.startsWith('cohorte-out-'))?.event;
  /** The poll the bot started under the announcement (MSC3381, unstable types as Element and Tchap send them). */
  const poll = () => events().find((e) => e.event.type === POLL_START && !relationOf(e.event))?.event;
  return {
    announcement,
    poll,
    editsOf,
    /** The announcement as people read it now: its latest edit. */
    shownNow() {
      const latest = editsOf(announcement()?.event_id).at(-1)?.event ?? announcement();
      return latest ? shownMx(latest) : '';
    },
    /** The poll's content as clients show it now: its latest edit's `m.new_content`, else the poll's own. */
    pollNow() {
      const latest = editsOf(poll()?.event_id).at(-1)?.event.content['m.new_content'];
      return (latest ?? poll()?.content) as Record<string, unknown> | undefined;
    },
    /** `person` votes the answer `n` in the poll; resolves with the bot's answers: room, thread, text. */
    async vote(person: { id: string }, n: number) {
      const sent = e2e().double.send(person.id, room(), 'org.matrix.msc3381.poll.response', {
        'm.relates_to': { rel_type: 'm.reference', event_id: poll()?.event_id },
        'org.matrix.msc3381.poll.response': { answers: [String(n)] },
      });
      await waitFor(() => e2e().answersTo(sent.event_id).length >= 2, 5000, `the answers to the vote ${n}`);
      return e2e()
        .answersTo(sent.event_id)
        .map((e) => [e.room, threadOf(e.event), shownMx(e.event)]);
    },
  };
}

// The issue: "a reaction on the bot's message, where a single tap fits: ✅ / ❌ for accept/decline, RSVP".
describe('a session announcement on Matrix answered with one tap: ✅ or ❌, or its poll', () => {
  let e2e: MatrixE2e;
  let room: string;
  const now = new Date('2026-11-23T15:00:00+01:00');
  const { announcement, shownNow, poll } = roomView(
    () => e2e,
    () => room,
  );

  /** `person` reacts `key` on the announcement; resolves with the bot's answers: room, thread, text. */
  async function react(person: { id: string }, key: string) {
    const target = announcement()?.event_id ?? '';
    const reaction = e2e.double.send(person.id, room, 'm.reaction', {
      'm.relates_to': { rel_type: 'm.annotation', event_id: target, key },
    });
    await waitFor(() => e2e.answersTo(reaction.event_id).length >= 2, 5000, `the answers to ${key}`);
    return e2e.answersTo(reaction.event_id).map((e) => [e.room, threadOf(e.event), shownMx(e.event)]);
  }

  beforeAll(async () => {
    e2e = await startMatrixE2e('mx-rsvp', {}, { clock: { now: () => now } });
    room = e2e.double.room(`#eig-communaute:${MX_SERVER}`, [ines.id, thomas.id, claire.id, MX_BOT]);
    expect(await publishSession(e2e.bot.cohorte.services, SESSION)).toBe(true);
    await waitFor(() => announcement() !== undefined, 5000, 'the announcement');
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e.stop();
  });

  it('takes ✅ as *Je viens* and ❌ as *Je ne viens pas*, told in private, noted under the announcement', async () => {
    const root = announcement()?.event_id;
    expect(await react(ines, '✅')).toEqual([
      [
        e2e.double.dmWith(ines.id),
        undefined,
        'C’est noté : vous venez le jeudi 3 décembre 2026. À bientôt !',
      ],
      [room, root, 'Je vous ai répondu en message privé.'],
    ]);
    expect(await react(thomas, '❌')).toEqual([
      [e2e.double.dmWith(thomas.id), undefined, 'C’est noté : vous ne venez pas le jeudi 3 décembre 2026.'],
      [room, root, 'Je vous ai répondu en message privé.'],
    ]);
    // The announcement shows the headcount, edited in place.
    await waitFor(
      () => shownNow().includes('*1* / 2 places prises · *0* peut-être · *1* ne vient pas'),
      5000,
    );
  });

  it('starts a poll of the three answers under the announcement; a vote answers as the choice would', async () => {
    const started = poll();
    expect(started?.content).toEqual({
      'org.matrix.msc1767.text':
        'Venez-vous à Journée de promotion, le jeudi 3 décembre 2026 ?\n1. Je viens\n2. Peut-être\n3. Je ne viens pas',
      'org.matrix.msc3381.poll.start': {
        kind: 'org.matrix.msc3381.poll.disclosed',
        max_selections: 1,
        question: {
          'org.matrix.msc1767.text': 'Venez-vous à Journée de promotion, le jeudi 3 décembre 2026 ?',
        },
        answers: [
          { id: '1', 'org.matrix.msc1767.text': 'Je viens' },
          { id: '2', 'org.matrix.msc1767.text': 'Peut-être' },
          { id: '3', 'org.matrix.msc1767.text': 'Je ne viens pas' },
        ],
      },
      'm.mentions': {},
    });

    // Inès, who tapped ✅, changes her mind in the poll.
    const vote = e2e.double.send(ines.id, room, 'org.matrix.msc3381.poll.response', {
      'm.relates_to': { rel_type: 'm.reference', event_id: started?.event_id },
      'org.matrix.msc3381.poll.response': { answers: ['2'] },
    });
    await waitFor(() => e2e.answersTo(vote.event_id).length >= 2, 5000, 'the answers to the vote');
    expect(e2e.answersTo(vote.event_id).map((e) => [e.room, threadOf(e.event), shownMx(e.event)])).toEqual([
      [
        e2e.double.dmWith(ines.id),
        undefined,
        'C’est noté : peut-être le jeudi 3 décembre 2026. La veille, vous recevrez un rappel avec le lieu.',
      ],
      [room, started?.event_id, 'Je vous ai répondu en message privé.'],
    ]);
    await waitFor(
      () => shownNow().includes('*0* / 2 places prises · *1* peut-être · *1* ne vient pas'),
      5000,
    );
  });

  it('ends the poll when the session is cancelled: the room reads it cancelled, a late vote is told so', async () => {
    const started = poll();
    const answer = await e2e.say(claire, `!session annuler ${SESSION.id}`);
    expect(shownMx(answer.events[0]?.event ?? answer.asked)).toBe(
      'C’est fait : la session *Journée de promotion* du jeudi 3 décembre 2026 est annulée ; 1 personne prévenue.',
    );
    const cancelled = [
      'Annulée : Journée de promotion',
      'jeudi 3 décembre 2026, 09:30–17:30',
      'Ségur, 14 avenue Duquesne',
      'Pour : la promotion EIG 7, la coordination',
      'Cette session est annulée.',
    ].join('\n');
    await waitFor(() => shownNow() === cancelled, 5000, 'the announcement cancelled');
    // Ended once, in the shape of the proposal's example of an unstable poll end.
    await waitFor(() => e2e.double.botEvents(room).some((e) => e.event.type === POLL_END), 5000, 'the end');
    const ends = e2e.double.botEvents(room).filter((e) => e.event.type === POLL_END);
    const example = unstableExample(POLL_END);
    expect(ends.map((e) => e.event.content)).toEqual([
      {
        ...example.content,
        'm.relates_to': { ...example.content['m.relates_to'], event_id: started?.event_id },
        'org.matrix.msc1767.text': 'Sondage terminé.',
        'm.mentions': {},
      },
    ]);

    // A client that lets Thomas vote anyway: a vote after the end counts for nothing (MSC3381), and he is told so
    // under the poll rather than left to think he answered.
    const closed = 'Ce sondage est terminé : votre vote n’est pas pris en compte.';
    const lateVote = (person: { id: string }, answer: string) =>
      e2e.double.send(person.id, room, 'org.matrix.msc3381.poll.response', {
        'm.relates_to': { rel_type: 'm.reference', event_id: started?.event_id },
        'org.matrix.msc3381.poll.response': { answers: [answer] },
      });
    const answered = (vote: { event_id: string }) =>
      e2e.answersTo(vote.event_id).map((e) => [e.room, threadOf(e.event), shownMx(e.event)]);
    const late = lateVote(thomas, '1');
    await waitFor(() => e2e.answersTo(late.event_id).length >= 1, 5000, 'the answer to the late vote');
    expect(answered(late)).toEqual([[room, started?.event_id, closed]]);
    // Told once: Thomas voting again does not fill the thread everyone reads; Inès, voting late too, is told.
    const again = lateVote(thomas, '3');
    const hers = lateVote(ines, '2');
    await waitFor(() => e2e.answersTo(hers.event_id).length >= 1, 5000, 'the answer to Inès’s late vote');
    expect(answered(hers)).toEqual([[room, started?.event_id, closed]]);
    expect(answered(again)).toEqual([]);
    expect(answered(late)).toHaveLength(1);
    // Nobody's vote in a poll the bot did not start is answered, ended or not.
    const theirs = e2e.double.send(ines.id, room, POLL_START, unstableExample(POLL_START).content);
    const vote = e2e.double.send(thomas.id, room, 'org.matrix.msc3381.poll.response', {
      'm.relates_to': { rel_type: 'm.reference', event_id: theirs.event_id },
      'org.matrix.msc3381.poll.response': { answers: ['pizza'] },
    });
    expect((await react(thomas, '✅')).length).toBe(2);
    expect(e2e.answersTo(vote.event_id)).toEqual([]);
  });
});

describe('a session edited on Matrix: its poll asks about the new title and day, and every vote still counts', () => {
  let e2e: MatrixE2e;
  let room: string;
  const now = new Date('2026-11-23T15:00:00+01:00');
  const view = roomView(
    () => e2e,
    () => room,
  );

  const { vote } = view;

  beforeAll(async () => {
    e2e = await startMatrixE2e('mx-poll-edit', {}, { clock: { now: () => now } });
    room = e2e.double.room(`#eig-communaute:${MX_SERVER}`, [ines.id, thomas.id, claire.id, MX_BOT]);
    expect(await publishSession(e2e.bot.cohorte.services, SESSION)).toBe(true);
    await waitFor(() => view.poll() !== undefined, 5000, 'the poll');
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e.stop();
  });

  // Polls can be edited, the proposal says (`test/fixtures/matrix/msc3381-polls.edits.md`): an edit keeps the votes.
  it('edits the poll in place (MSC3381: polls can be edited), keeping its answers and the votes already cast', async () => {
    expect((await vote(ines, 1))[0]?.[2]).toBe(
      'C’est noté : vous venez le jeudi 3 décembre 2026. À bientôt !',
    );
    const { services } = e2e.bot.cohorte;
    const stored = await services.sessions.get(SESSION.id);
    if (!stored) throw new Error('no session');
    // Claire moves it a week later, renamed, with one more seat (what the session form saves).
    const changes = { title: 'Journée d’hiver', date: '2026-12-10', capacity: 3 };
    const changed = await changeSession(services, stored, { ...stored, ...changes });
    expect(changed).toMatchObject({ session: changes });
    await waitFor(() => view.shownNow().startsWith('Journée d’hiver\njeudi 10 décembre'), 5000, 'the edit');

    const question = 'Venez-vous à Journée d’hiver, le jeudi 10 décembre 2026 ?';
    await waitFor(
      () => JSON.stringify(view.pollNow()).includes(question),
      5000,
      'the poll asking about the new day',
    );
    expect(view.pollNow()).toEqual({
      'org.matrix.msc1767.text': `${question}\n1. Je viens\n2. Peut-être\n3. Je ne viens pas`,
      'org.matrix.msc3381.poll.start': {
        kind: 'org.matrix.msc3381.poll.disclosed',
        max_selections: 1,
        question: { 'org.matrix.msc1767.text': question },
        answers: [
          { id: '1', 'org.matrix.msc1767.text': 'Je viens' },
          { id: '2', 'org.matrix.msc1767.text': 'Peut-être' },
          { id: '3', 'org.matrix.msc1767.text': 'Je ne viens pas' },
        ],
      },
      'm.mentions': {},
    });
    // One poll, edited (an edit has the type of what it replaces), never ended: Inès's vote stays in it.
    const pollEvents = e2e.double
      .botEvents(room)
      .filter((e) => e.event.type.startsWith('org.matrix.msc3381.'));
    expect(pollEvents.map((e) => [e.event.type, relationOf(e.event)?.rel_type])).toEqual([
      [POLL_START, undefined],
      [POLL_START, 'm.replace'],
    ]);

    // Thomas votes in the same poll: answered about the new day, counted with Inès's earlier vote.
    expect(await vote(thomas, 3)).toEqual([
      [e2e.double.dmWith(thomas.id), undefined, 'C’est noté : vous ne venez pas le jeudi 10 décembre 2026.'],
      [room, view.poll()?.event_id, 'Je vous ai répondu en message privé.'],
    ]);
    await waitFor(
      () => view.shownNow().includes('*1* / 3 places prises · *0* peut-être · *1* ne vient pas'),
      5000,
      'the headcount',
    );
    // The headcount changed, not the question: the poll is not edited again.
    expect(view.editsOf(view.poll()?.event_id)).toHaveLength(1);

    // Moved back as it was: the poll asks its first question again (a new edit, not the first one replayed).
    const back = await services.sessions.get(SESSION.id);
    if (!back) throw new Error('no session');
    await changeSession(services, back, { ...back, title: SESSION.title, date: SESSION.date });
    await waitFor(() => view.editsOf(view.poll()?.event_id).length === 2, 5000, 'the second edit');
    expect(view.pollNow()).toEqual(view.poll()?.content);
  });

  it('still counts a vote in the open poll after a week, as long as the poll is offered', async () => {
    await ageChatState(e2e, 8 * 24 * 3600_000);
    expect(await vote(claire, 2)).toEqual([
      [
        e2e.double.dmWith(claire.id),
        undefined,
        'C’est noté : peut-être le jeudi 3 décembre 2026. La veille, vous recevrez un rappel avec le lieu.',
      ],
      [room, view.poll()?.event_id, 'Je vous ai répondu en message privé.'],
    ]);
    await waitFor(() => view.shownNow().includes(MAYBE_CLAIRE), 5000, 'the headcount with Claire');
  });

  it('shows the headcount back at an earlier value: a new edit, not the earlier one deduplicated', async () => {
    await vote(claire, 1);
    await waitFor(
      () => view.shownNow().includes('*2* / 3 places prises · *0* peut-être · *1* ne vient pas'),
      5000,
      'Claire coming',
    );
    await vote(claire, 2);
    await waitFor(() => view.shownNow().includes(MAYBE_CLAIRE), 5000, 'Claire back to maybe');
  });
});

describe('a session announced seven weeks ahead on Matrix: its poll answers as long as its announcement', () => {
  let e2e: MatrixE2e;
  let room: string;
  let now = new Date('2026-11-23T15:00:00+01:00');
  const view = roomView(
    () => e2e,
    () => room,
  );
  /** Thursday 14 January 2027, created by a rule on 23 November. */
  const AHEAD = aSession({ id: '2027-01-14', date: '2027-01-14', capacity: 2 });

  beforeAll(async () => {
    e2e = await startMatrixE2e('mx-ahead', {}, { clock: { now: () => now } });
    room = e2e.double.room(`#eig-communaute:${MX_SERVER}`, [ines.id, thomas.id, claire.id, MX_BOT]);
    expect(await publishSession(e2e.bot.cohorte.services, AHEAD)).toBe(true);
    await waitFor(() => view.poll() !== undefined, 5000, 'the poll');
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e.stop();
  });

  it('on day 31 a vote is answered and counted; moved later, until its new day; cancelled, the poll ends', async () => {
    // Whatever Redis would have forgotten by day 31 (the outbox's records, the poll's) is gone.
    await ageKeys(`${e2e.bot.prefix}:*`, 31 * 24 * 3600_000);
    now = new Date('2026-12-24T10:00:00+01:00');
    expect((await view.vote(ines, 1))[0]?.[2]).toBe(
      'C’est noté : vous venez le jeudi 14 janvier 2027. À bientôt !',
    );
    await waitFor(() => view.shownNow().includes('*1* / 2 places prises'), 5000, 'the headcount');

    // Moved five weeks later, its poll edited: kept until a week after the new day, past the first one.
    const { services } = e2e.bot.cohorte;
    const stored = await services.sessions.get(AHEAD.id);
    if (!stored) throw new Error('no session');
    await changeSession(services, stored, { ...stored, date: '2027-02-18' });
    await waitFor(
      () => JSON.stringify(view.pollNow()).includes('18 février 2027'),
      5000,
      'the poll asking about the new day',
    );
    // 2 February: the first day's week is over, the new one's is not.
    await ageKeys(`${e2e.bot.prefix}:*`, 40 * 24 * 3600_000);
    now = new Date('2027-02-02T10:00:00+01:00');
    expect((await view.vote(thomas, 1))[0]?.[2]).toBe(
      'C’est noté : vous venez le jeudi 18 février 2027. À bientôt !',
    );
    await waitFor(() => view.shownNow().includes('*2* / 2 places prises'), 5000, 'the later headcount');

    await e2e.say(claire, `!session annuler ${AHEAD.id}`);
    await waitFor(() => view.shownNow().includes('Cette session est annulée.'), 5000, 'the cancellation');
    await waitFor(
      () => e2e.double.botEvents(room).some((e) => e.event.type === POLL_END),
      5000,
      'the poll ended',
    );
  });
});

/** The headcount once Inès comes, Claire maybe, Thomas not. */
const MAYBE_CLAIRE = '*1* / 3 places prises · *1* peut-être · *1* ne vient pas';

/** Time passes for the adapters' state in Redis: every key of it lives `ms` less, those that would be gone go. */
const ageChatState = (e2e: MatrixE2e, ms: number) => ageKeys(createKeys(e2e.bot.prefix).chatStateAll(), ms);
