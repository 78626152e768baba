import { afterAll, beforeAll, describe, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { expectOneCopyEach, postAnnouncement, startFanOut } from '../support/announcement-flow.js';
import { waitFor } from '../support/wait.js';

const COUNT = 60;

/**
 * Two worker processes with the default settings share an announcement DM'd to 60 people (8 per second: 7.5 s at
 * best); one is killed with SIGKILL while it sends. The other takes over its copies within seconds, not after a
 * minute of locks lapsing, and the author's status message keeps moving.
 */
describe('an announcement whose worker is killed while another keeps running', () => {
  const community = announcementCommunity(COUNT, 'worker-death');
  let fanOut: Awaited<ReturnType<typeof startFanOut>>;

  beforeAll(async () => {
    fanOut = await startFanOut(community, 'announcement-worker-death', { workers: 2 });
  });
  afterAll(() => fanOut?.stop());

  it('the live worker finishes the dead one’s copies within seconds, one copy each', {
    timeout: 90_000,
  }, async () => {
    const { slack, web, workers } = fanOut;
    const copies = (i: number) => slack.messages(`DU${i}`).length;
    const { id } = await postAnnouncement(web, { text: 'Un worker tombe', audience: 'eig9', mode: 'dms' });
    await waitFor(
      () => slack.messages('DU0CLAIRE').length > 0 && copies(5) + copies(30) > 0,
      15_000,
      'sending',
    );
    await workers[0]?.kill();
    // Its locked copies come back once its lock lapses and a stalled check runs: seconds, where a minute was.
    await expectOneCopyEach(slack, id, COUNT, 25_000);
  });
});
