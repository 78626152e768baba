import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores } from '../../src/store/index.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';

describe('stand-up store: quick posts by the same person all count', () => {
  const prefix = uniquePrefix('standup-store');
  let connections: Redis[];

  beforeAll(() => {
    // Separate connections, as separate web processes would have: no ordering from one socket.
    connections = Array.from({ length: 5 }, () => new Redis(REDIS_URL));
  });
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await dropPrefix(prefix);
  });

  it('ten posts at the same moment, each naming its own question, keep all ten answers', async () => {
    const email = 'ines.moreau@beta.gouv.fr';
    const at = '2026-11-27T09:00:00.000Z';
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const { standups } = createStores(connections[i % connections.length] as Redis, prefix);
        // What `/standup q<i>: …` does: the answers named replace theirs, the others are kept.
        return standups.save('standup-eig7', '2026-W48', { email, at }, (stored) => ({
          ...stored,
          [`q${i}`]: `réponse ${i}`,
        }));
      }),
    );
    const { standups } = createStores(connections[0] as Redis, prefix);
    const entry = await standups.entry('standup-eig7', '2026-W48', email);
    expect(Object.keys(entry?.answers ?? {}).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `q${i}`).sort(),
    );
    expect(entry?.edits).toBe(9);
    // One first post, nine edits, as each person was told.
    expect(results.filter((r) => !r.edited)).toHaveLength(1);
    expect((await standups.last(email))?.answers).toEqual(entry?.answers);
  });
});
