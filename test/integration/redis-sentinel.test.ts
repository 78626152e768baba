import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { expectOneCopyEach, postAnnouncement, startFanOut } from '../support/announcement-flow.js';
import { type RunningCohorte, SIGNING_SECRET } from '../support/cohorte.js';
import { type SentinelSet, startSentinelSet } from '../support/redis-sentinels.js';
import { postSigned, slashCommandBody } from '../support/slack-sign.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const COUNT = 300;
const RETRY = 'Service momentanément indisponible, réessayez dans une minute.';

/** `/cohorte moi` typed by the coordinator on Slack: what she sees, and how long it took. */
async function moi(bot: RunningCohorte): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  const body = slashCommandBody({ command: '/cohorte', text: 'moi', userId: 'U0CLAIRE' });
  const response = await postSigned(`${bot.baseUrl}/slack/events`, body, { secret: SIGNING_SECRET });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

/**
 * Cohorte on Redis Sentinel: a primary, a replica and three sentinels of the test's own. An announcement goes to 300
 * people by DM through two worker processes, and the primary is SIGKILLed while it is sent. The sentinels promote
 * the replica; every connection (the web process's commands and queues, the workers and their blocking reads)
 * follows it. Meanwhile the coordinator keeps typing a command: she gets her answer or « réessayez dans une
 * minute », never an error; and everyone gets exactly one copy.
 */
describe('Redis Sentinel: the primary dies while an announcement is sent', () => {
  const community = announcementCommunity(COUNT, 'sentinel');
  let set: SentinelSet;
  let fanOut: Awaited<ReturnType<typeof startFanOut>>;

  beforeAll(async () => {
    set = await startSentinelSet();
    fanOut = await startFanOut(community, 'redis-sentinel', {
      workers: 2,
      redis: { env: set.env, url: set.replica.url },
      workerEnv: { OUTBOX_WORKSPACE_PER_SECOND: '16' },
    });
  }, 60_000);
  afterAll(async () => {
    await fanOut?.stop();
    await set?.stop();
  });

  it('fails over to the replica, keeps answering, and sends each person one copy', {
    timeout: 120_000,
  }, async () => {
    const { slack, web } = fanOut;
    const copies = (i: number) => slack.messages(`DU${i}`).length;
    const sent = () => Array.from({ length: COUNT }, (_, i) => copies(i)).filter((n) => n > 0).length;
    expect((await moi(web)).text).toContain('Claire Dubois');
    const { id } = await postAnnouncement(web, { text: 'Le primaire tombe', audience: 'eig9', mode: 'dms' });
    await waitFor(() => sent() >= 40, 30_000, 'the first copies');

    await set.primary.stop();
    const answers: { status: number; text: string; ms: number }[] = [];
    while ((await set.primaryPort()) !== set.replica.port || answers.length < 5) answers.push(await moi(web));
    expect(await set.roleOf(set.replica)).toBe('master');
    await waitForAsync(async () => {
      answers.push(await moi(web));
      return answers.at(-1)?.text.includes('Claire Dubois') ?? false;
    }, 15_000);
    expect(sent()).toBeLessThan(COUNT); // the switch happened mid-send
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(3000);
      expect(answer.text.includes('Claire Dubois') || answer.text.includes(RETRY), answer.text).toBe(true);
    }

    await expectOneCopyEach(slack, id, COUNT, 60_000);
  });
});
