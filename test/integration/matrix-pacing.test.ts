import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createMatrixClient } from '../../src/chat/matrix/matrix-client.js';
import { WhoamiSchema } from '../../src/chat/matrix/matrix-schemas.js';
import { createSharedPacer } from '../../src/queue/shared-pacer.js';
import { createKeys } from '../../src/store/keys.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';
import { type MatrixDouble, startMatrixDouble } from '../support/matrix-double.js';
import { MX_BOT } from '../support/matrix-e2e.js';

const PER_SECOND = 5;

/** The most calls the double received within any one second. */
function peakPerSecond(double: MatrixDouble): number {
  const times = double.calls.map((c) => c.at).sort((a, b) => a - b);
  return Math.max(...times.map((t, i) => times.slice(i).filter((u) => u < t + 1000).length));
}

// Tchap asks about one call per second for the bot's account, whichever process makes it: the web process (answers
// to commands) and the worker (the outbox) share one budget in Redis.
describe('Matrix calls paced across processes, in Redis', () => {
  let double: MatrixDouble;
  let prefix: string;
  const connections: Redis[] = [];
  afterEach(async () => {
    for (const redis of connections.splice(0)) redis.disconnect();
    await double.close();
    await dropPrefix(prefix);
  });

  /** A client of the bot's account as one process makes it: its own Redis connection, the deployment's pacer. */
  function processClient() {
    const redis = new Redis(REDIS_URL);
    connections.push(redis);
    const pacer = createSharedPacer(redis, createKeys(prefix).paceWorkspace('matrix', 'api'), PER_SECOND);
    return createMatrixClient({ url: double.url, accessToken: double.token, pacer });
  }

  it('two processes calling at once never exceed the account’s calls per second together', async () => {
    prefix = uniquePrefix('mx-pace');
    // The homeserver's limit is the account's: a leaky bucket at PER_SECOND with a burst of 2.
    double = await startMatrixDouble({ botId: MX_BOT, users: [], perSecond: PER_SECOND, burst: 2 });
    const [web, worker] = [processClient(), processClient()];
    const whoami = { method: 'GET', path: '/account/whoami' } as const;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => [
        web.call(whoami, WhoamiSchema),
        worker.call(whoami, WhoamiSchema),
      ]).flat(),
    );

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(double.calls.filter((c) => c.errcode === 'M_LIMIT_EXCEEDED')).toEqual([]);
    expect(double.calls).toHaveLength(16);
    expect(peakPerSecond(double)).toBeLessThanOrEqual(PER_SECOND + 1);
  });

  it('holds the other process too when one meets M_LIMIT_EXCEEDED, for as long as the server asked', async () => {
    prefix = uniquePrefix('mx-pace-hold');
    double = await startMatrixDouble({ botId: MX_BOT, users: [] });
    const [web, worker] = [processClient(), processClient()];
    const whoami = { method: 'GET', path: '/account/whoami' } as const;
    // An error answer with neither `retry_after_ms` nor `Retry-After`: the client waits its default second.
    double.failNext('/_matrix/client/v3/account/whoami', 429, 'M_LIMIT_EXCEEDED');
    await expect(web.call(whoami, WhoamiSchema)).rejects.toThrow('rate limited');
    await worker.call(whoami, WhoamiSchema);

    const [limited, next] = double.calls;
    expect([limited?.errcode, next?.status]).toEqual(['M_LIMIT_EXCEEDED', 200]);
    expect((next?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });
});
