import { describe, expect, it } from 'vitest';
import { createMatrixChoices } from '../../src/chat/matrix/matrix-choices.js';
import { createMatrixShown } from '../../src/chat/matrix/matrix-shown.js';
import type { ChatState } from '../../src/core/ports.js';

/** The adapters' state in a Map (TTLs noted in `ttls`, never applied: nothing here lives long enough). */
function mapState(ttls = new Map<string, number>()): ChatState {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name),
    set: async (name, value, ttlMs) => {
      values.set(name, value);
      ttls.set(name, ttlMs);
    },
    delete: async (name) => {
      values.delete(name);
    },
    claim: async (name, value, ttlMs) => {
      if (values.has(name)) return false;
      values.set(name, value);
      ttls.set(name, ttlMs);
      return true;
    },
    renew: async (name, value) => values.get(name) === value,
  };
}

describe('what the bot’s Matrix events show', () => {
  it('sends an edit only when the content changes, each under a transaction of its own', async () => {
    const shown = createMatrixShown(mapState());
    const sent: string[] = [];
    const edit = async (txn: string) => {
      sent.push(txn);
    };
    await shown.posted('$poll', 'a');
    await shown.change('$poll', 'a', edit);
    await shown.change('$poll', 'b', edit);
    await shown.change('$poll', 'b', edit);
    await shown.change('$poll', 'a', edit);
    expect(sent).toEqual(['1-b', '2-a']);
  });

  it('retries an edit that failed under the same transaction: the homeserver publishes it once', async () => {
    const shown = createMatrixShown(mapState());
    const sent: string[] = [];
    // The homeserver took the edit, but its answer was lost (a timeout, a worker killed): the job is retried.
    const lostAnswer = async (txn: string) => {
      sent.push(txn);
      throw new Error('socket hang up');
    };
    await shown.posted('$poll', 'a');
    await expect(shown.change('$poll', 'b', lostAnswer)).rejects.toThrow('socket hang up');
    await shown.change('$poll', 'b', async (txn) => {
      sent.push(txn);
    });
    // Another content after all: a new edit, not the one under way.
    await shown.change('$poll', 'c', async (txn) => {
      sent.push(txn);
    });
    expect(sent).toEqual(['1-b', '1-b', '2-c']);
  });

  it('does not reuse the transaction of an unfinished edit for another content', async () => {
    const shown = createMatrixShown(mapState());
    const sent: string[] = [];
    await shown.posted('$poll', 'a');
    await expect(
      shown.change('$poll', 'b', async (txn) => {
        sent.push(txn);
        throw new Error('M_LIMIT_EXCEEDED');
      }),
    ).rejects.toThrow();
    // A newer content replaced it before the retry: sent under a new number, then back to b again.
    await shown.change('$poll', 'c', async (txn) => {
      sent.push(txn);
    });
    await shown.change('$poll', 'b', async (txn) => {
      sent.push(txn);
    });
    expect(sent).toEqual(['1-b', '2-c', '3-b']);
  });
});

/** A vote of `userId` on the poll `$poll`, ended: the thread its answer goes in, and whether they were told already. */
async function lateVote(choices: ReturnType<typeof createMatrixChoices>, userId: string, n: number) {
  const picked = await choices.byPollAnswer('$poll', userId, n);
  return picked?.kind === 'ended' ? [picked.thread, picked.told] : picked;
}

describe('how long the Matrix adapter keeps what it knows of a message', () => {
  it('until its keepUntil on the bot’s clock, not the machine’s', async () => {
    const day = 24 * 3600_000;
    // The bot's clock 100 days behind the machine's (a test's fixed date, the local shell's moved clock).
    const now = new Date(Date.now() - 100 * day);
    const clock = { now: () => now };
    const keepUntil = new Date(+now + 60 * day);
    const ttls = new Map<string, number>();
    const state = mapState(ttls);
    const shown = createMatrixShown(state, clock);
    const choices = createMatrixChoices(state, clock);
    await shown.posted('$poll', 'a', keepUntil);
    await shown.change('$poll', 'b', async () => undefined, keepUntil);
    await choices.recordEvent({ eventId: '$poll', roomId: '!room' }, [], keepUntil);
    await choices.recordPoll('$message', '$poll', keepUntil);
    await choices.pollKept('$message', '$poll', [], keepUntil);
    await choices.pollEnded('$message', '$poll', keepUntil);
    // A late voter is told once per poll, and that is remembered as long as the poll's end.
    expect(await lateVote(choices, '@thomas', 1)).toEqual(['$poll', false]);
    expect(await lateVote(choices, '@thomas', 3)).toEqual(['$poll', true]);
    expect(await lateVote(choices, '@ines', 2)).toEqual(['$poll', false]);
    expect(ttls.size).toBe(6);
    for (const ttl of ttls.values()) expect(ttl).toBe(60 * day);
  });
});
