import { describe, expect, it } from 'vitest';
import { createMatrixShown } from '../../src/chat/matrix/matrix-shown.js';
import type { ChatState } from '../../src/core/ports.js';

/** The adapters' state in a Map (TTLs ignored: nothing here lives long enough to expire). */
function mapState(): ChatState {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name),
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
    claim: async (name, value) => {
      if (values.has(name)) return false;
      values.set(name, value);
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
