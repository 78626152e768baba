import { afterEach, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../support/job-runner.js';
import {
  buttonsOfMm,
  click,
  command,
  type MattermostE2e,
  MM_CHANNELS,
  MM_PEOPLE,
  readable,
  startMattermostE2e,
} from '../support/mattermost-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines } = MM_PEOPLE;
const RITUAL = 'standup-eig7';

describe('Mattermost deliveries: digests with their help button, 429, pacing', () => {
  let e2e: MattermostE2e;
  let runner: JobRunner | undefined;
  let now = new Date('2026-11-23T10:00:00+01:00');

  async function start(
    name: string,
    env: Record<string, string> = {},
    limit: { perSecond?: number; burst?: number } = {},
  ) {
    now = new Date('2026-11-23T10:00:00+01:00');
    e2e = await startMattermostE2e(name, env, { clock: { now: () => now }, ...limit });
    runner = await createJobRunner(e2e.bot);
  }
  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await runner?.close();
    await e2e?.stop();
  });

  it('posts the défi digest with a button beside the help request, which sends the request to the bulloterie for whoever clicks it', async () => {
    await start('mm-digest');
    const answer = await command(e2e, ines, 'priorités: recette ; aide: un avis RGPD', {
      command: 'standup',
      channel: MM_CHANNELS.lexiq,
    });
    expect(readable(String(answer.json?.text))).toContain('C’est noté');
    now = new Date('2026-11-27T15:00:00+01:00');
    expect(await runner?.run('standup-digest', { ritualId: RITUAL })).toContain('défi digests');

    const [digest, ...others] = e2e.double.posts(MM_CHANNELS.lexiq);
    expect(others).toEqual([]);
    expect(readable(digest?.message ?? '')).toContain('**Inès Moreau**');
    const attachment = (digest?.props.attachments as { text: string }[] | undefined)?.[0];
    expect(readable(attachment?.text ?? '')).toContain('un avis RGPD');
    const [button, ...more] = buttonsOfMm(digest);
    expect(more).toEqual([]);
    expect(button?.name).toBe('Trouver quelqu’un');
    if (!button) throw new Error('no button');

    const clicked = await click(e2e, claire, button, {
      channel: MM_CHANNELS.lexiq,
      postId: digest?.id ?? '',
    });
    expect(clicked.status).toBe(200);
    await waitFor(() => e2e.double.ephemerals().length === 1, 5000, 'the ephemeral answer');
    const [shown] = e2e.double.ephemerals();
    expect(shown?.user_id).toBe(claire.id);
    expect(shown?.post.channel_id).toBe(MM_CHANNELS.lexiq);
    expect(readable(String(shown?.post.message))).toContain(
      'Demande confiée à la bulloterie pour Inès Moreau : **RGPD**.',
    );
  });

  it('gets through 429s (X-RateLimit-Reset, no Retry-After) and posts each digest exactly once', async () => {
    await start('mm-429');
    await command(e2e, ines, 'priorités: recette', { command: 'standup', channel: MM_CHANNELS.lexiq });
    now = new Date('2026-11-27T15:00:00+01:00');
    e2e.double.rateLimit({ resetSeconds: 1, times: 2, retryAfter: false });
    await runner?.run('standup-digest', { ritualId: RITUAL });
    const limited = e2e.double.calls.filter((c) => c.status === 429);
    expect(limited).toHaveLength(2);
    for (const channel of [
      MM_CHANNELS.lexiq,
      MM_CHANNELS.datapass,
      MM_CHANNELS.carto,
      MM_CHANNELS.coordination,
    ])
      expect(e2e.double.posts(channel)).toHaveLength(1);
    // Requests the 429 found in flight may land at any time; the client's hold itself is measured, sequentially,
    // in test/integration/mattermost-client.test.ts.
    const posted = e2e.double.calls.filter((c) => c.path === '/api/v4/posts' && c.status === 201);
    expect(posted).toHaveLength(4);
  });

  it('boots against a server already answering 429: waits each window out and registers every command once', async () => {
    // An unpaced client past a burst of 3: the boot's identity checks and command registrations meet 429s.
    await start('mm-boot-429', { MATTERMOST_REQUESTS_PER_SECOND: '1000' }, { perSecond: 10, burst: 3 });
    expect(e2e.double.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    const triggers = e2e.double.commands().map((c) => c.trigger);
    expect(triggers).toEqual(
      expect.arrayContaining(['cohorte', 'standup', 'annonce', 'bulle', 'rituel', 'session']),
    );
    expect(new Set(triggers).size).toBe(triggers.length);
    const answer = await command(e2e, ines, 'aide');
    expect(answer.status).toBe(200);
  });

  it('paces a fan-out of 24 posts under the server’s 10 requests per second: no 429, none lost', async () => {
    // The outbox's own limiter is lifted: only the client's pacing keeps the server's limit.
    const env = { MATTERMOST_REQUESTS_PER_SECOND: '8', OUTBOX_WORKSPACE_PER_SECOND: '1000' };
    // The server's bucket (10/s) with a small burst: a client faster than 10/s for a second runs it dry.
    await start('mm-fanout', env, { perSecond: 10, burst: 5 });
    const { outbox } = e2e.bot.cohorte.services;
    const channels = [MM_CHANNELS.lexiq, MM_CHANNELS.datapass, MM_CHANNELS.carto, MM_CHANNELS.community];
    for (let i = 0; i < 24; i += 1) {
      const channel = channels[i % channels.length] as string;
      await outbox.send({
        key: `fanout-${i}`,
        to: { kind: 'channel', channel },
        message: {
          fallback: [],
          blocks: [{ kind: 'section', text: [{ kind: 'plain', text: `annonce ${i}` }] }],
        },
      });
    }
    await waitFor(() => e2e.double.posts().length === 24, 15_000, '24 posts');
    expect(e2e.double.calls.filter((c) => c.status === 429)).toEqual([]);
    expect(new Set(e2e.double.posts().map((p) => p.message)).size).toBe(24);
  });
});
