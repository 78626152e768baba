import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMattermostClient, MattermostApiError } from '../../src/chat/mattermost/mattermost-client.js';
import { RateLimitedError, UnavailableError } from '../../src/core/errors.js';
import { freePort } from '../support/cohorte.js';
import { type MattermostDouble, startMattermostDouble } from '../support/mattermost-double.js';

const Me = z.looseObject({ id: z.string() });

describe('the Mattermost REST client against the double', () => {
  let double: MattermostDouble;
  beforeEach(async () => {
    double = await startMattermostDouble({ users: [{ id: 'u1', username: 'ines', email: 'ines@x.fr' }] });
  });
  afterEach(async () => {
    await double.close();
  });
  const client = (token = double.token) =>
    createMattermostClient({ url: double.url, token, requestsPerSecond: 1000 });

  it('sends the bot token as a Bearer token and parses the answer', async () => {
    expect(await client().get('/users/me', Me)).toEqual(expect.objectContaining({ id: double.bot.id }));
    await expect(client('wrongtokenwrongtoken').get('/users/me', Me)).rejects.toMatchObject({ status: 401 });
  });

  it('turns a 429 into RateLimitedError after Retry-After, else X-RateLimit-Reset (seconds from now)', async () => {
    double.rateLimit({ resetSeconds: 3 });
    await expect(client().get('/users/me', Me)).rejects.toEqual(new RateLimitedError(3000));
    double.rateLimit({ resetSeconds: 2, retryAfter: false });
    const started = Date.now();
    const paced = client();
    await expect(paced.get('/users/me', Me)).rejects.toEqual(new RateLimitedError(2000));
    // Remaining 0: the same client holds its next request until the window resets.
    await paced.get('/users/me', Me);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('keeps 404 apart (a missing person), and an unreachable server as UnavailableError', async () => {
    const missing = await client()
      .get('/users/email/nobody%40x.fr', Me)
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(MattermostApiError);
    expect(missing).toMatchObject({ status: 404 });
    const down = createMattermostClient({
      url: `http://127.0.0.1:${await freePort()}`,
      token: 't',
      requestsPerSecond: 10,
    });
    await expect(down.get('/users/me', Me)).rejects.toBeInstanceOf(UnavailableError);
  });

  it('refuses, as the spec does, a post without its required message (recorded off-spec)', async () => {
    await expect(client().post('/posts', { channel_id: 'c' }, Me)).rejects.toMatchObject({ status: 400 });
    expect(double.offSpec.map((c) => c.path)).toEqual(['/api/v4/posts']);
  });
});
