import { describe, expect, it } from 'vitest';
import { storesOnRedis } from '../support/stores-on-redis.js';

describe('people store: who holds a role given in chat', () => {
  const stores = storesOnRedis('people-store');

  it('lists them with their roles, and forgets them once revoked or erased', async () => {
    const { people } = stores();
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
    await stores()
      .personalSources.find((s) => s.name === 'people')
      ?.erase('adam@x.fr');
    expect(await people.granted()).toEqual(new Map());
  });
});
