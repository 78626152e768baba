import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores } from '../../src/store/index.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';

describe('people store: who holds a role given in chat', () => {
  const prefix = uniquePrefix('people-store');
  let redis: Redis;
  let stores: ReturnType<typeof createStores>;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    stores = createStores(redis, prefix);
  });
  afterAll(async () => {
    redis.disconnect();
    await dropPrefix(prefix);
  });

  it('lists them with their roles, and forgets them once revoked or erased', async () => {
    const { people } = stores;
    await people.grant('zoe@x.fr', { role: 'mentor', defiId: 'lexiq' });
    await people.grant('zoe@x.fr', { role: 'alumni' });
    await people.grant('adam@x.fr', { role: 'coordinator' });
    await people.setLocale('bob@x.fr', 'en');
    expect(await people.granted()).toEqual(
      new Map([
        ['adam@x.fr', [{ role: 'coordinator' }]],
        ['zoe@x.fr', [{ role: 'alumni' }, { role: 'mentor', defiId: 'lexiq' }]],
      ]),
    );
    expect(await people.revoke('zoe@x.fr', 'mentor')).toBe(true);
    expect((await people.granted()).get('zoe@x.fr')).toEqual([{ role: 'alumni' }]);
    expect(await people.revoke('zoe@x.fr', 'alumni')).toBe(true);
    await stores.personalSources.find((s) => s.name === 'people')?.erase('adam@x.fr');
    expect(await people.granted()).toEqual(new Map());
  });
});
