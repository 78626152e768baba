import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJobId } from '../../src/core/announcement/types.js';
import { DUE_AT } from '../../src/queue/jobs.js';
import { jobIdOf } from '../../src/queue/queues.js';
import { announcementCommunity, COORDINATOR } from '../support/announcement-community.js';
import { coordinator, postAnnouncement } from '../support/announcement-flow.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor, waitForAsync } from '../support/wait.js';

/** More copies than go out while the test watches the first rounds: the status message is still in progress. */
const COUNT = 100;
const START = new Date('2026-12-03T10:00:00+01:00');
/** The author's DM with the bot, on the Slack double. */
const AUTHOR_DM = `D${COORDINATOR.id}`;

/**
 * Each edit of the author's status message costs one of the account's calls, like a copy: with an outbox paced at
 * one post per second (Tchap's default), the status is brought up to date every 10 s (ten posts' time), not every
 * 3 s; at 8 posts per second (Slack's and Mattermost's default), still every 3 s. Each round is planned that long
 * after the one before, on the bot's clock: the test's, which jumps to the round's due time and runs it there (as
 * the shell's `:avance` does). BullMQ also runs a round on its own once its delay passes in real time (3 or 10 s):
 * on a loaded machine, before the jump. The delay each round was planned with is the same either way, so that is
 * what the test reads, not the clock at each edit.
 */
describe.each([
  { perSecond: 1, everySeconds: 10 },
  { perSecond: 8, everySeconds: 3 },
])(
  'the author’s status message, with the outbox at $perSecond post(s) per second',
  ({ perSecond, everySeconds }) => {
    const community = announcementCommunity(COUNT, `progress-${perSecond}`);
    let now = START;
    let slack: SlackDouble;
    let bot: RunningCohorte;
    /** The texts of the edits of the author's status message. */
    const statusEdits = () =>
      slack
        .callsTo('chat.update')
        .filter((call) => call.args.channel === AUTHOR_DM && call.status === 200)
        .map((call) => String(call.args.text));

    /**
     * Once the progress report `round` of the announcement `id` is planned, the clock jumps to its due time and it
     * runs (unless BullMQ ran it already), and the test waits for it to finish (its edit may be merged with the next
     * round's if the outbox is slow). Resolves with the delay it was planned with, in seconds on the bot's clock.
     */
    async function roundRuns(id: string, round: number): Promise<number> {
      const { jobs } = bot.cohorte.queues;
      const jobId = jobIdOf(`announce-progress:${id}:${round}`);
      let job: Job | undefined;
      await waitForAsync(async () => {
        job = await jobs.getJob(jobId);
        return job !== undefined;
      }, 10_000);
      if (!job) throw new Error(`round ${round} not planned`);
      now = new Date(String(job.data[DUE_AT]));
      // Started on its own meanwhile, it is no longer delayed: nothing to promote.
      await job.promote().catch(() => undefined);
      await waitForAsync(async () => (await jobs.getJobState(jobId)) === 'completed', 10_000);
      return (job.opts.delay ?? 0) / 1000;
    }

    beforeAll(async () => {
      slack = await startSlackDouble({ users: community.users, now: () => now.getTime() });
      bot = await startCohorte({
        name: `announcement-progress-${perSecond}`,
        slackApiUrl: slack.url,
        communityFile: community.file,
        clock: { now: () => now },
        env: { OUTBOX_WORKSPACE_PER_SECOND: String(perSecond), OUTBOX_UPDATES_PER_MINUTE: '6000' },
      });
    });
    afterAll(async () => {
      await bot?.stop();
      await slack?.close();
    });

    it(`is edited every ${everySeconds} s while the copies go out`, { timeout: 60_000 }, async () => {
      const { id } = await postAnnouncement(bot, { text: 'Point d’étape', audience: 'eig9', mode: 'dms' });
      // The copies are queued and the first report is planned, all at the moment of sending.
      const fanOut = () => bot.cohorte.queues.jobs.getJob(jobIdOf(sendJobId(id)));
      await waitForAsync(async () => (await (await fanOut())?.getState()) === 'completed', 10_000);
      await waitFor(() => slack.messages(AUTHOR_DM).length === 1, 10_000, 'the status message');
      expect(slack.messages(AUTHOR_DM)[0]?.text).toBe(
        `Annonce \`${id}\` : envoyée à 0 / ${COUNT} — 0 échecs`,
      );

      const delays: number[] = [];
      for (let round = 1; round <= 3; round++) delays.push(await roundRuns(id, round));

      expect(delays).toEqual([everySeconds, everySeconds, everySeconds]);
      // Each round edits the status message (a slow outbox may merge two rounds' edits into one).
      await waitFor(() => statusEdits().length >= 1, 10_000, 'the status message edited');
      for (const text of statusEdits())
        expect(text).toMatch(new RegExp(`envoyée à \\d+ / ${COUNT} — 0 échecs`));
      // The copies still waiting are withdrawn: the test is over.
      await bot.cohorte.router.command({
        user: coordinator,
        command: 'annonce',
        text: `annuler ${id}`,
        channel: 'D0',
      });
    });
  },
);
