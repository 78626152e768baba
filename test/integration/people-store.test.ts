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

describe('people store: the person asking, from their chat account', () => {
  const stores = storesOnRedis('people-asker');
  const claire = { platform: 'slack', id: 'U0CLAIRE' } as const;

  it('gives the e-mail cached for the account with that person’s roles and language', async () => {
    const { people, identities } = stores();
    await identities.remember(claire, 'claire@x.fr');
    await people.grant('claire@x.fr', { role: 'mentor', defiId: 'lexiq' });
    await people.setLocale('claire@x.fr', 'en');
    expect(await people.profileOfUser(claire)).toEqual({
      email: 'claire@x.fr',
      grants: [{ role: 'mentor', defiId: 'lexiq' }],
      locale: 'en',
    });
    // Another platform's account with the same id is someone else until that platform says otherwise.
    expect(await people.profileOfUser({ platform: 'mattermost', id: 'U0CLAIRE' })).toBeUndefined();
  });

  it('gives a known account without chat-side state no roles and no language', async () => {
    const { people, identities } = stores();
    const bob = { platform: 'slack', id: 'U0BOB' } as const;
    await identities.remember(bob, 'bob@x.fr');
    expect(await people.profileOfUser(bob)).toEqual({ email: 'bob@x.fr', grants: [], locale: undefined });
  });

  it('knows nothing of an account once its person is erased: the platform is asked again', async () => {
    const { people, identities, personalSources } = stores();
    const zoe = { platform: 'slack', id: 'U0ZOE' } as const;
    await identities.remember(zoe, 'zoe@x.fr');
    await people.grant('zoe@x.fr', { role: 'alumni' });
    for (const source of personalSources) await source.erase('zoe@x.fr');
    expect(await people.profileOfUser(zoe)).toBeUndefined();
  });
});
