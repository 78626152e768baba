import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { postAnnouncement, startWebOnSlackDouble } from '../support/announcement-flow.js';
import type { RunningCohorte } from '../support/cohorte.js';
import type { SlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.js';

const COUNT = 80;
const KILLS = 10;

/**
 * The crash test of the announcement fan-out: a worker process (`src/main.ts`, ROLE=worker) sends an announcement
 * DM'd to 80 people and is killed with SIGKILL at random moments, ten times, each time restarted. The Slack double
 * answers after 40 ms, so kills often land after Slack posted and before the worker heard it. In the end every
 * person has exactly one copy.
 */
describe('an announcement fan-out killed with SIGKILL and restarted, ten times', () => {
  const community = announcementCommunity(COUNT, 'crash');
  let slack: SlackDouble;
  let web: RunningCohorte;
  let worker: WorkerProcess | undefined;

  const startWorker = () =>
    startWorkerProcess({
      prefix: web.prefix,
      communityFile: community.file,
      slackApiUrl: slack.url,
      env: {
        OUTBOX_CHANNEL_INTERVAL_MS: '1000',
        OUTBOX_WORKSPACE_PER_SECOND: '20',
        WORKER_LOCK_MS: '1000',
        OUTBOX_IN_FLIGHT_MS: '3000',
      },
    });
  const copies = (i: number) => slack.messages(`DU${i}`).length;
  const delivered = () => community.users.slice(1).filter((_, i) => copies(i) > 0).length;

  beforeAll(async () => {
    ({ slack, web } = await startWebOnSlackDouble(community, 'announcement-crash'));
  });
  afterAll(async () => {
    await worker?.kill();
    await web?.stop();
    await slack?.close();
  });

  it('leaves every person with exactly one copy and nobody missing', { timeout: 180_000 }, async () => {
    const { id } = await postAnnouncement(web, { text: 'Malgré les pannes', audience: 'eig9', mode: 'dms' });
    const deliveredAtKills: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const copiesPosted = () =>
        slack.callsTo('chat.postMessage').filter((c) => /^DU\d+$/.test(String(c.args.channel))).length;
      const posted = copiesPosted();
      worker = await startWorker();
      // Killed while it sends: once this worker has posted a copy, at a random moment within the next half second.
      await waitFor(() => copiesPosted() > posted, 15_000, 'a copy posted by this worker');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      await worker.kill();
      deliveredAtKills.push(delivered());
    }
    worker = await startWorker();
    await waitFor(
      () => (slack.messages('DU0CLAIRE').at(-1)?.text ?? '').includes(`Annonce \`${id}\` envoyée`),
      60_000,
      'the final report',
    );
    await worker.stop();

    const counts = Array.from({ length: COUNT }, (_, i) => copies(i));
    expect(
      counts.filter((n) => n === 0),
      'people without a copy',
    ).toEqual([]);
    expect(
      counts.filter((n) => n > 1),
      'people with more than one copy',
    ).toEqual([]);
    expect(slack.messages('DU0CLAIRE').at(-1)?.text).toContain(`${COUNT} / ${COUNT} reçues, 0 échecs`);
    // The kills did land mid-way, and some posts were left ambiguous and looked for rather than sent again.
    expect(
      deliveredAtKills.every((n) => n > 0 && n < COUNT),
      deliveredAtKills.join(', '),
    ).toBe(true);
    expect(slack.callsTo('conversations.history').length).toBeGreaterThan(0);
  });
});
