import { afterEach, describe, expect, it } from 'vitest';
import { redisAnswers } from '../../src/store/redis.js';
import setup from '../global-redis.js';
import { freePort, REDIS_URL } from '../support/cohorte.js';

/** The test suite's global setup on a machine where no Redis runs: it brings one, and takes it away. */
describe('the test suite’s own Redis', () => {
  const before = process.env.REDIS_URL;
  afterEach(() => {
    if (before === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = before;
  });

  it('starts a redis-server when nothing answers at a local REDIS_URL, hands it to the tests, stops it at the end', async () => {
    process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
    const teardown = await setup();
    const own = String(process.env.REDIS_URL);
    expect(own).not.toBe(REDIS_URL);
    expect(await redisAnswers(own)).toBe(true);
    await teardown?.();
    expect(await redisAnswers(own)).toBe(false);
  });

  it('leaves a Redis that answers alone', async () => {
    process.env.REDIS_URL = REDIS_URL;
    expect(await setup()).toBeUndefined();
    expect(process.env.REDIS_URL).toBe(REDIS_URL);
  });
});
