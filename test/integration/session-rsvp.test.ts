import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/core/sessions/session.js';
import { createStores } from '../../src/store/index.js';
import { createCommandRedis, whenReady } from '../../src/store/redis.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';
import { aSession } from '../support/session-fixture.js';

const person = (n: number) => `eig${n}@beta.gouv.fr`;

describe('RSVP on real Redis: atomic answers, capacity and waiting list', () => {
  const prefix = uniquePrefix('rsvp');
  const redis = createCommandRedis(REDIS_URL);
  const { sessions } = createStores(redis, prefix);
  afterAll(async () => {
    redis.disconnect();
    await dropPrefix(prefix);
  });
  beforeAll(async () => {
    await whenReady(redis);
  });

  /** A session of `capacity` seats (none: no limit) under `id`. */
  const withSeats = (id: string, capacity?: number): Session =>
    aSession({ id, ...(capacity === undefined ? {} : { capacity }) });

  it('50 people clicking at once: an exact headcount, no lost update', async () => {
    await sessions.create(withSeats('s50'));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => sessions.answer('s50', person(i), i % 5 === 0 ? 'maybe' : 'yes')),
    );
    expect(await sessions.headcount('s50')).toEqual({ yes: 40, maybe: 10, no: 0, waiting: 0 });
    // Every click raised the version once, and the highest version carries the final count.
    const last = await sessions.answer('s50', person(0), 'maybe');
    expect(last).toMatchObject({ version: 50, headcount: { yes: 40, maybe: 10 } });
    expect((await sessions.answers('s50')).size).toBe(50);
  });

  it('the same click twice keeps one answer; a changed answer moves the count', async () => {
    await sessions.create(withSeats('s1'));
    await Promise.all([sessions.answer('s1', person(1), 'yes'), sessions.answer('s1', person(1), 'yes')]);
    expect(await sessions.headcount('s1')).toEqual({ yes: 1, maybe: 0, no: 0, waiting: 0 });
    const change = await sessions.answer('s1', person(1), 'no');
    expect(change).toMatchObject({
      previous: 'yes',
      current: 'no',
      promoted: [],
      headcount: { yes: 0, maybe: 0, no: 1, waiting: 0 },
    });
    expect(await sessions.headcount('s1')).toEqual({ yes: 0, maybe: 0, no: 1, waiting: 0 });
  });

  it('an answer landing after the cancellation is refused, nothing recorded; a withdrawal (erasure) still goes', async () => {
    await sessions.create(withSeats('gone'));
    await sessions.answer('gone', person(1), 'yes');
    expect(await sessions.cancel('gone')).toMatchObject({ after: { cancelled: true, sequence: 1 } });
    expect(await sessions.answer('gone', person(2), 'yes')).toBe('cancelled');
    expect(await sessions.answer('gone', person(1), 'no')).toBe('cancelled');
    expect(await sessions.headcount('gone')).toEqual({ yes: 1, maybe: 0, no: 0, waiting: 0 });
    expect(await sessions.answer('gone', person(1), undefined)).toMatchObject({
      previous: 'yes',
      current: undefined,
    });
    expect((await sessions.answers('gone')).size).toBe(0);
  });

  it('a change landing after the cancellation is refused: the session stays cancelled', async () => {
    await sessions.create(withSeats('undone'));
    const read = await sessions.get('undone');
    if (!read) throw new Error('no session');
    await sessions.cancel('undone');
    expect(await sessions.change({ ...read, title: 'Autre titre', sequence: read.sequence + 1 })).toBe(
      'cancelled',
    );
    expect(await sessions.get('undone')).toMatchObject({ cancelled: true, title: read.title });
    expect(await sessions.cancel('undone')).toBe('cancelled');
  });

  it('a change and a cancellation at once: cancelled either way, and the change kept when it landed first', async () => {
    for (let n = 0; n < 20; n++) {
      const id = `both-${n}`;
      await sessions.create(withSeats(id));
      const read = await sessions.get(id);
      if (!read) throw new Error('no session');
      const [changed] = await Promise.all([
        sessions.change({ ...read, title: 'Autre titre', sequence: read.sequence + 1 }),
        sessions.cancel(id),
      ]);
      expect(await sessions.get(id)).toMatchObject({
        cancelled: true,
        title: changed === 'cancelled' ? read.title : 'Autre titre',
        sequence: changed === 'cancelled' ? 1 : 2,
      });
    }
  });

  it('past capacity, yeses wait in line and are promoted in order when someone withdraws', async () => {
    await sessions.create(withSeats('cap', 3));
    for (const n of [1, 2, 3]) await sessions.answer('cap', person(n), 'yes');
    expect(await sessions.answer('cap', person(4), 'yes')).toMatchObject({ current: 'waiting' });
    await sessions.answer('cap', person(5), 'yes');
    // Clicking yes again while waiting keeps the place in line.
    expect(await sessions.answer('cap', person(4), 'yes')).toMatchObject({ current: 'waiting' });
    expect(await sessions.waiting('cap')).toEqual([person(4), person(5)]);
    expect(await sessions.headcount('cap')).toEqual({ yes: 3, maybe: 0, no: 0, waiting: 2 });

    expect(await sessions.answer('cap', person(2), 'maybe')).toMatchObject({
      previous: 'yes',
      current: 'maybe',
      promoted: [person(4)],
    });
    expect((await sessions.answers('cap')).get(person(4))).toBe('yes');
    expect(await sessions.waiting('cap')).toEqual([person(5)]);
    // Someone waiting who gives up leaves the line, nobody is promoted.
    expect(await sessions.answer('cap', person(5), 'no')).toMatchObject({ promoted: [] });
    expect(await sessions.headcount('cap')).toEqual({ yes: 3, maybe: 1, no: 1, waiting: 0 });
  });

  it('more seats (or no limit any more) let the waiting list in, in order', async () => {
    await sessions.create(withSeats('grow', 2));
    for (const n of [1, 2, 3, 4, 5, 6]) await sessions.answer('grow', person(n), 'yes');
    expect(await sessions.waiting('grow')).toEqual([person(3), person(4), person(5), person(6)]);
    const grown = await sessions.change(withSeats('grow', 4));
    expect(grown).toMatchObject({ promoted: [person(3), person(4)] });
    expect(grown).toMatchObject({ headcount: { yes: 4, maybe: 0, no: 0, waiting: 2 } });
    expect(await sessions.change(withSeats('grow', 4))).toMatchObject({ promoted: [] });
    expect(await sessions.change(withSeats('grow'))).toMatchObject({ promoted: [person(5), person(6)] });
    expect(await sessions.headcount('grow')).toEqual({ yes: 6, maybe: 0, no: 0, waiting: 0 });
  });

  it('fewer seats than people coming are refused, nothing saved', async () => {
    await sessions.create(withSeats('shrink', 3));
    for (const n of [1, 2]) await sessions.answer('shrink', person(n), 'yes');
    expect(await sessions.change(withSeats('shrink', 1))).toEqual({ refused: 2 });
    expect(await sessions.get('shrink')).toMatchObject({ capacity: 3 });
    expect(await sessions.change(withSeats('shrink', 2))).toMatchObject({ promoted: [] });
    expect(await sessions.answer('shrink', person(3), 'yes')).toMatchObject({ current: 'waiting' });
  });

  it('50 concurrent yeses for 20 seats: exactly 20 in, 30 waiting in click order', async () => {
    await sessions.create(withSeats('race', 20));
    const order: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sessions.answer('race', person(i), 'yes').then((change) => {
          if (change !== 'cancelled' && change.current === 'waiting') order.push(person(i));
        }),
      ),
    );
    expect(await sessions.headcount('race')).toEqual({ yes: 20, maybe: 0, no: 0, waiting: 30 });
    expect(await sessions.waiting('race')).toEqual(order);
  });

  it('sessions are created once under their id, and listed by date', async () => {
    const session = (id: string, date: string): Session =>
      aSession({ id, date, title: 'Journée', audience: { promotions: [], mentors: false, alumni: false } });
    expect(await sessions.create(session('b', '2027-01-07'))).toBe(true);
    expect(await sessions.create(session('a', '2026-12-03'))).toBe(true);
    expect(await sessions.create({ ...session('a', '2026-12-03'), title: 'Autre' })).toBe(false);
    const listed = (await sessions.all()).filter((s) => s.title === 'Journée' || s.title === 'Autre');
    expect(listed.map((s) => [s.id, s.title])).toEqual([
      ['a', 'Journée'],
      ['b', 'Journée'],
    ]);
  });
});
