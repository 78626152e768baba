import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulleRequest } from '../../src/core/bulle/store.js';
import { createStores } from '../../src/store/index.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';

const request = (id: string): BulleRequest => ({
  id,
  email: 'ines.moreau@beta.gouv.fr',
  key: 'docker',
  label: 'Docker',
  domain: 'Dev',
  details: '',
  source: 'chat',
  status: 'open',
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  candidates: [],
  tried: [],
  attempt: 0,
  escalatedAt: '2026-11-23T09:00:00.000Z',
});

describe('bulloterie store: every change is atomic', () => {
  const prefix = uniquePrefix('bulle-store');
  let redis: Redis;
  let others: Redis[];

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    // Separate connections, as separate web processes would have: no ordering from one socket.
    others = Array.from({ length: 8 }, () => new Redis(REDIS_URL));
  });
  afterAll(async () => {
    for (const connection of [redis, ...others]) connection.disconnect();
    await dropPrefix(prefix);
  });

  it('twenty simultaneous « Je peux aider » from eight processes pair exactly one helper', async () => {
    const { bulle } = createStores(redis, prefix);
    expect(await bulle.create(request('r1'))).toBe(true);
    expect(await bulle.create(request('r1'))).toBe(false);
    const stores = others.map((connection) => createStores(connection, prefix).bulle);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores[i % stores.length]?.update('r1', (r) =>
          r.status === 'open' ? { ...r, status: 'accepted', helper: `helper${i}@exemple.fr` } : undefined,
        ),
      ),
    );
    const winners = results.filter((r) => r !== undefined);
    expect(winners).toHaveLength(1);
    expect(await bulle.request('r1')).toEqual(winners[0]);
    expect((await bulle.active()).map((r) => r.helper)).toEqual([winners[0]?.helper]);
  });

  it('leaves the active set when a request ends, and forgets a person’s requests and bubbles', async () => {
    const { bulle } = createStores(redis, prefix);
    await bulle.create({ ...request('r2'), email: 'sarah.lefebvre@beta.gouv.fr' });
    await bulle.update('r2', (r) => ({ ...r, status: 'cancelled' }));
    expect((await bulle.active()).map((r) => r.id)).not.toContain('r2');
    expect((await bulle.recent(10)).map((r) => r.id)).toContain('r2');
    await bulle.addSkill('sarah.lefebvre@beta.gouv.fr', {
      kind: 'share',
      key: 'sql',
      label: 'SQL',
      domain: 'Data',
      at: '',
      source: 'chat',
    });
    await bulle.erase('sarah.lefebvre@beta.gouv.fr');
    expect(await bulle.request('r2')).toBeUndefined();
    expect((await bulle.recent(10)).map((r) => r.id)).not.toContain('r2');
    expect((await bulle.allSkills()).has('sarah.lefebvre@beta.gouv.fr')).toBe(false);
  });
});
