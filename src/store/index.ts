import type { Redis } from 'ioredis';
import { createIdentityRepo } from './identity.repo.js';
import { createKeys } from './keys.js';
import { createPeopleRepo } from './people.repo.js';
import { createStandupRepo } from './standup.repo.js';

/** Every repository over one connection and prefix. Add a repository here and to `personalSources` if it holds people. */
export function createStores(redis: Redis, prefix: string) {
  const keys = createKeys(prefix);
  const people = createPeopleRepo(redis, keys);
  const identities = createIdentityRepo(redis, keys);
  const standups = createStandupRepo(redis, keys);
  return {
    keys,
    people,
    identities,
    standups,
    personalSources: [people, identities, standups],
  };
}

/** The stores' type. */
export type Stores = ReturnType<typeof createStores>;
