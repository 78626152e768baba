import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { postAnnouncement, startWebOnSlackDouble } from '../support/announcement-flow.js';
import type { RunningCohorte } from '../support/cohorte.js';
import type { SlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.js';

const COUNT = 60;

/**
 * Two worker processes with the default settings share an announcement DM'd to 60 people (8 per second: 7.5 s at
 * best); one is killed with SIGKILL while it sends. The other takes over its copies within seconds, not after a
 * minute of locks lapsing, and the author's status message keeps moving.
 */
describe('an announcement whose worker is killed while another keeps running', () => {
  const community = announcementCommunity(COUNT, 'worker-death');
  let slack: SlackDouble;
  let web: RunningCohorte;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    ({ slack, web } = await startWebOnSlackDouble(community, 'announcement-worker-death'));
    for (let i = 0; i < 2; i++)
      workers.push(
        await startWorkerProcess({
          prefix: web.prefix,
          communityFile: community.file,
          slackApiUrl: slack.url,
        }),
      );
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await web?.stop();
    await slack?.close();
  });

  it('the live worker finishes the dead one’s copies within seconds, one copy each', {
    timeout: 90_000,
  }, async () => {
    const copies = (i: number) => slack.messages(`DU${i}`).length;
    const { id } = await postAnnouncement(web, { text: 'Un worker tombe', audience: 'eig9', mode: 'dms' });
    await waitFor(
      () => slack.messages('DU0CLAIRE').length > 0 && copies(5) + copies(30) > 0,
      15_000,
      'sending',
    );
    await workers[0]?.kill();
    // Its locked copies come back once its lock lapses and a stalled check runs: seconds, where a minute was.
    await waitFor(
      () => (slack.messages('DU0CLAIRE').at(-1)?.text ?? '').includes(`Annonce \`${id}\` envoyée`),
      25_000,
      'the final report',
    );
    const counts = Array.from({ length: COUNT }, (_, i) => copies(i));
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(slack.messages('DU0CLAIRE').at(-1)?.text).toContain(`${COUNT} / ${COUNT} reçues, 0 échecs`);
  });
});
