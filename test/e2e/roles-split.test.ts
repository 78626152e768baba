import { afterEach, describe, expect, it } from 'vitest';
import { type RunningCohorte, startCohorte, uniquePrefix } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { PEOPLE, postToBot, shown } from '../support/slack-e2e.js';
import { slashCommandBody } from '../support/slack-sign.js';
import { waitFor } from '../support/wait.js';

/** ROLE=web answers people; ROLE=worker (here two of them) does the background work, over one Redis. */
describe('separate web and worker processes on one Redis', () => {
  let slack: SlackDouble;
  const bots: RunningCohorte[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0).reverse()) await bot.stop();
    await slack.close();
  });

  it('the web process answers and enqueues; a worker delivers, exactly once', async () => {
    slack = await startSlackDouble({ users: Object.values(PEOPLE) });
    const prefix = uniquePrefix('split');
    const start = (role: string) =>
      startCohorte({ name: 'split', slackApiUrl: slack.url, env: { REDIS_PREFIX: prefix, ROLE: role } });
    const web = await start('web');
    bots.push(web, await start('worker'), await start('worker'));

    expect(await (await fetch(`${web.baseUrl}/readyz`)).json()).toEqual({ redis: true, workers: 'n/a' });
    const worker = bots[1] as RunningCohorte;
    expect((await fetch(`${worker.baseUrl}/slack/events`, { method: 'POST' })).status).toBe(404);

    const answer = await postToBot(
      web,
      slashCommandBody({ command: '/cohorte', text: 'mes-donnees', userId: PEOPLE.ines.id }),
    );
    expect(shown(answer.json)).toContain('Je prépare le fichier de vos données');
    await waitFor(() => slack.files.length === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.files).toHaveLength(1);
    expect(slack.files[0]?.content).toContain(PEOPLE.ines.email);
    expect(web.logs.some((l) => l.includes('schedulers registered'))).toBe(false);
    expect(worker.logs.some((l) => l.includes('schedulers registered'))).toBe(true);
  });
});
