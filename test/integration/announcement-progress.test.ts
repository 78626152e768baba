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
 * 3 s; at 8 posts per second (Slack's and Mattermost's default), still every 3 s. The bot and the Slack double read
 * the test's clock, which jumps to the next job that comes due and runs it there (as the shell's `:avance` does), so
 * each edit carries the time it was made. (BullMQ would also run a round on its own once its delay passed in real
 * time, 3 or 10 s: each jump takes a fraction of that, even on a loaded machine.)
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
    /** The edits of the author's status message: seconds after the announcement was sent, and text. */
    const statusEdits = () =>
      slack
        .callsTo('chat.update')
        .filter((call) => call.args.channel === AUTHOR_DM && call.status === 200)
        .map((call) => ({ second: (call.at - START.getTime()) / 1000, text: String(call.args.text) }));

    /** The clock jumps to the next job due: it runs, and the test waits for its edit of the status message. */
    async function nextRoundRuns() {
      const delayed = (await bot.cohorte.queues.jobs.getDelayed()).filter((job) => !job.repeatJobKey);
      const dueAt = (job: (typeof delayed)[number]) => new Date(String(job.data[DUE_AT])).getTime();
      now = new Date(Math.min(...delayed.map(dueAt)));
      const due = delayed.filter((job) => dueAt(job) <= now.getTime());
      const edited = statusEdits().length + due.length;
      for (const job of due) await job.promote();
      await waitFor(() => statusEdits().length >= edited, 10_000, 'the status message edited');
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

      for (let round = 1; round <= 3; round++) await nextRoundRuns();

      const edits = statusEdits();
      expect(edits.map((edit) => edit.second)).toEqual([everySeconds, 2 * everySeconds, 3 * everySeconds]);
      for (const edit of edits) expect(edit.text).toMatch(new RegExp(`envoyée à \\d+ / ${COUNT} — 0 échecs`));
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
