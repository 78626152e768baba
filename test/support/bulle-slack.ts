import { type Job, QueueEvents } from 'bullmq';
import { jobIdOf } from '../../src/queue/queues.js';
import { bullConnectionOptions } from '../../src/store/redis.js';
import type { ClockedSlack } from './clocked-slack.js';
import { REDIS_URL } from './cohorte.js';
import { buttonsOf, clickAndReply, postToBot, type SlackAnswer } from './slack-e2e.js';
import { slashCommandBody } from './slack-sign.js';
import { waitForAsync } from './wait.js';

let responses = 0;

/** The bulloterie seen from Slack: commands, clicks, DMs and the bot's delayed jobs. */
export function bulleDriver(week: ClockedSlack) {
  const { jobs } = week.bot.cohorte.queues;
  return {
    /** Types `/bulle <text>` as a Slack user. */
    command: (userId: string, text: string): Promise<SlackAnswer> =>
      postToBot(
        week.bot,
        slashCommandBody({
          command: '/bulle',
          text,
          userId,
          responseUrl: week.double.responseUrl(`cmd-${responses++}`),
        }),
      ),
    /** Clicks a button as a Slack user; resolves with what the response URL received. */
    async click(userId: string, button: { actionId: string; value: string }) {
      return (await clickAndReply(week, userId, button, `click-${responses++}`)).reply;
    },
    /** The messages posted in a person's DM. */
    dms: (userId: string) => week.double.messages(`D${userId}`),
    /** The buttons of the last DM a person got whose buttons include `label`. */
    button(userId: string, label: string) {
      const found = week.double
        .messages(`D${userId}`)
        .flatMap((m) => buttonsOf(m))
        .filter((b) => b.label === label)
        .at(-1);
      if (!found) throw new Error(`no « ${label} » button in ${userId}'s DMs`);
      return found;
    },
    /** The delayed job scheduled under a key, if it still exists. */
    timer: (key: string): Promise<Job | undefined> => jobs.getJob(jobIdOf(key)),
    /** Runs a delayed job now (as if its time had come) and waits for it and the outbox to finish. */
    async fire(key: string): Promise<string> {
      const job = await jobs.getJob(jobIdOf(key));
      if (!job) throw new Error(`no job for ${key}`);
      const events = new QueueEvents('jobs', {
        connection: bullConnectionOptions(REDIS_URL),
        prefix: week.bot.cohorte.stores.keys.bull,
      });
      try {
        await events.waitUntilReady();
        await job.promote();
        const summary = String(await job.waitUntilFinished(events, 10_000));
        const { outbox } = week.bot.cohorte.queues;
        await waitForAsync(async () => {
          const counts = await outbox.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          return Object.values(counts).every((n) => n === 0);
        }, 10_000);
        return summary;
      } finally {
        await events.close();
      }
    },
  };
}
