import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, type MattermostE2e, MM_PEOPLE, startMattermostE2e } from '../support/mattermost-e2e.js';
import { type PrivateRedis, startPrivateRedis } from '../support/private-redis.js';
import { waitFor } from '../support/wait.js';

describe('Redis outage on Mattermost', () => {
  let redis: PrivateRedis;
  let e2e: MattermostE2e;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    e2e = await startMattermostE2e('mm-outage', {}, { redisUrl: redis.url });
  });
  afterAll(async () => {
    await e2e?.stop();
    await redis.remove();
  });

  it('answers "réessayez dans une minute" within 2 s while Redis is down, and recovers when it is back', async () => {
    const moi = () => command(e2e, MM_PEOPLE.claire, 'moi');
    expect(String((await moi()).json?.text)).toContain('Claire Dubois');

    await redis.stop();
    for (let i = 0; i < 2; i++) {
      const during = await moi();
      expect(during.status).toBe(200);
      expect(during.json?.response_type).toBe('ephemeral');
      expect(String(during.json?.text)).toContain(
        'Service momentanément indisponible, réessayez dans une minute.',
      );
      expect(during.ms).toBeLessThan(2000);
    }

    await redis.start();
    await waitFor(() => e2e.bot.logs.some((l) => l.includes('redis back')), 10_000);
    expect(String((await moi()).json?.text)).toContain('Claire Dubois');
  });
});
