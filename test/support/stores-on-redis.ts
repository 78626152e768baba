import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createStores } from '../../src/store/index.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from './cohorte.js';

/**
 * The stores over a Redis connection of their own, under a prefix unique to `name`, for the tests of the describe
 * block it is called in; the connection closes and the keys go after them. Returns a getter (the stores exist once
 * `beforeAll` ran).
 */
export function storesOnRedis(name: string): () => ReturnType<typeof createStores> {
  const prefix = uniquePrefix(name);
  let redis: Redis | undefined;
  let stores: ReturnType<typeof createStores> | undefined;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    stores = createStores(redis, prefix);
  });
  afterAll(async () => {
    redis?.disconnect();
    await dropPrefix(prefix);
  });
  return () => {
    if (!stores) throw new Error('stores used outside a test');
    return stores;
  };
}
