import { QueueEvents } from 'bullmq';
import { bullConnectionOptions } from '../../src/store/redis.js';
import { REDIS_URL, type RunningCohorte, startCohorte } from './cohorte.js';
import { type SlackDouble, type SlackDoubleUser, startSlackDouble } from './slack-double.js';
import { PEOPLE, postToBot, type SlackAnswer } from './slack-e2e.js';
import { slashCommandBody } from './slack-sign.js';
import { waitForAsync } from './wait.js';

/** Every EIG of `test/fixtures/community.yml` as a Slack member of the double, by first name. */
export const EIG = {
  ines: PEOPLE.ines,
  thomas: PEOPLE.thomas,
  sarah: { id: 'U0SARAH', email: 'sarah.lefebvre@beta.gouv.fr', name: 'Sarah Lefebvre' },
  lucas: { id: 'U0LUCAS', email: 'lucas.martin@beta.gouv.fr', name: 'Lucas Martin' },
  amina: { id: 'U0AMINA', email: 'amina.diallo@beta.gouv.fr', name: 'Amina Diallo' },
  hugo: { id: 'U0HUGO', email: 'hugo.petit@beta.gouv.fr', name: 'Hugo Petit' },
  chloe: { id: 'U0CHLOE', email: 'chloe.bernard@beta.gouv.fr', name: 'Chloé Bernard' },
  leo: { id: 'U0LEO', email: 'leo.garcia@beta.gouv.fr', name: 'Léo Garcia' },
  manon: { id: 'U0MANON', email: 'manon.girard@beta.gouv.fr', name: 'Manon Girard' },
} as const satisfies Record<string, SlackDoubleUser>;

/** The real bot on the Slack double, reading time from a clock the test sets, and running jobs when told. */
export interface ClockedSlack {
  double: SlackDouble;
  bot: RunningCohorte;
  /** Moves the bot's clock (the Slack signatures keep the real time). */
  setTime(at: string | Date): void;
  /** Types `/standup <text>` as the Slack user `userId` through the real receiver. */
  standup(userId: string, text: string): Promise<SlackAnswer>;
  /**
   * Adds a job as its scheduler would (no `manual`: the time checks apply), waits for it to finish and for the
   * outbox to have nothing left to deliver; returns the job's summary.
   */
  run(name: string, data: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the Slack double with {@link EIG}, then Cohorte on it with a controlled clock. The job schedulers are
 * removed: only the test runs jobs, whatever the wall clock says.
 */
export async function startClockedSlack(options: {
  name: string;
  at: string;
  communityFile?: string;
}): Promise<ClockedSlack> {
  let current = new Date(options.at);
  const double = await startSlackDouble({ users: Object.values(EIG) });
  const bot = await startCohorte({
    name: options.name,
    slackApiUrl: double.url,
    clock: { now: () => current },
    ...(options.communityFile ? { communityFile: options.communityFile } : {}),
  }).catch(async (error: unknown) => {
    await double.close();
    throw error;
  });
  const { jobs, outbox } = bot.cohorte.queues;
  for (const scheduler of await jobs.getJobSchedulers()) await jobs.removeJobScheduler(scheduler.key);
  const events = new QueueEvents('jobs', {
    connection: bullConnectionOptions(REDIS_URL),
    prefix: bot.cohorte.stores.keys.bull,
  });
  await events.waitUntilReady();
  const outboxIdle = async () => {
    const counts = await outbox.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    return Object.values(counts).every((count) => count === 0);
  };
  return {
    double,
    bot,
    setTime(at) {
      current = new Date(at);
    },
    standup: (userId, text) =>
      postToBot(
        bot,
        slashCommandBody({ command: '/standup', text, userId, responseUrl: double.responseUrl(userId) }),
      ),
    async run(name, data) {
      const job = await jobs.add(name, data);
      const summary: unknown = await job.waitUntilFinished(events, 10_000);
      await waitForAsync(outboxIdle, 10_000);
      return String(summary);
    },
    async stop() {
      await events.close();
      await bot.stop();
      await double.close();
    },
  };
}
