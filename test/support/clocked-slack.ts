import { startBotOnDouble } from './chat-e2e-boot.js';
import { type RunningCohorte, startCohorte } from './cohorte.js';
import { createJobRunner } from './job-runner.js';
import { type SlackDouble, type SlackDoubleUser, startSlackDouble } from './slack-double.js';
import { PEOPLE, postToBot, type SlackAnswer } from './slack-e2e.js';
import { slashCommandBody } from './slack-sign.js';

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

/** Mentors, alumni and a coordinator of `test/fixtures/community.yml`, for tests that add them to the chat (`people`, `moreUsers`). */
export const OTHERS = {
  julien: { id: 'U0JULIEN', email: 'julien.garnier@justice.gouv.fr', name: 'Julien Garnier' },
  camille: { id: 'U0CAMILLE', email: 'camille.roussel@beta.gouv.fr', name: 'Camille Roussel' },
  yanis: { id: 'U0YANIS', email: 'yanis.chevalier@beta.gouv.fr', name: 'Yanis Chevalier' },
  claire: { id: 'U0CLAIRE', email: 'claire.dubois@beta.gouv.fr', name: 'Claire Dubois' },
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
  /** Slack members beyond the EIG (mentors, alumni, coordinators). */
  moreUsers?: SlackDoubleUser[];
}): Promise<ClockedSlack> {
  let current = new Date(options.at);
  const double = await startSlackDouble({ users: [...Object.values(EIG), ...(options.moreUsers ?? [])] });
  const { bot, stop } = await startBotOnDouble(double, () =>
    startCohorte({
      name: options.name,
      slackApiUrl: double.url,
      clock: { now: () => current },
      ...(options.communityFile ? { communityFile: options.communityFile } : {}),
    }),
  );
  const runner = await createJobRunner(bot);
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
    run: runner.run,
    async stop() {
      await runner.close();
      await stop();
    },
  };
}
