import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCohorte, SIGNING_SECRET, startCohorte } from '../support/cohorte.js';
import { type PrivateRedis, startPrivateRedis } from '../support/private-redis.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { postSigned, slashCommandBody } from '../support/slack-sign.js';
import { waitFor, waitForAsync } from '../support/wait.js';

/** What Slack would show the person: the text of the acknowledgement's blocks. */
async function moi(bot: RunningCohorte): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const body = slashCommandBody({ command: '/cohorte', text: 'moi', userId: 'U0CLAIRE' });
  const response = await postSigned(`${bot.baseUrl}/slack/events`, body, { secret: SIGNING_SECRET });
  const text = await response.text();
  return { status: response.status, text, ms: Date.now() - started };
}

const ready = async (bot: RunningCohorte) => (await fetch(`${bot.baseUrl}/readyz`)).status;

describe('Redis outage', () => {
  let redis: PrivateRedis;
  let slack: SlackDouble;
  let bot: RunningCohorte;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    slack = await startSlackDouble({
      users: [{ id: 'U0CLAIRE', email: 'claire.dubois@beta.gouv.fr', name: 'Claire Dubois' }],
    });
    bot = await startCohorte({ name: 'outage', slackApiUrl: slack.url, redisUrl: redis.url });
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
    await redis.remove();
  });

  it('answers "réessayez dans une minute" within 3 s while Redis is down, and recovers when it is back', async () => {
    const before = await moi(bot);
    expect(before.text).toContain('Claire Dubois');
    expect(await ready(bot)).toBe(200);

    await redis.stop();
    for (let i = 0; i < 3; i++) {
      const during = await moi(bot);
      expect(during.status).toBe(200);
      expect(during.text).toContain('Service momentanément indisponible, réessayez dans une minute.');
      expect(during.ms).toBeLessThan(3000);
    }
    expect(await ready(bot)).toBe(503);
    expect(await (await fetch(`${bot.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });

    await redis.start();
    await waitFor(() => bot.logs.some((l) => l.includes('redis back')), 10_000);
    expect(bot.logs.some((l) => l.includes('redis unreachable'))).toBe(true);
    expect((await moi(bot)).text).toContain('Claire Dubois');
    // BullMQ's own connections reconnect on their own schedule; readiness follows within seconds.
    await waitForAsync(async () => (await ready(bot)) === 200, 10_000);
  });
});
