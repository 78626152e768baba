import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import { type RunningCohorte, startCohorte } from './cohorte.js';
import { seen } from './shell-replies.js';

/** What a `/bulle` test on the shell drives: the bot, and a person typing or clicking. */
export interface BulleOnShell {
  /** The running bot (it exists once `beforeAll` ran). */
  bot(): RunningCohorte;
  /** The shell user of a person. */
  user(email: string): { platform: 'shell'; id: string };
  /** What the person reads after typing `/bulle <text>`. */
  bulle(email: string, text: string): Promise<string>;
  /** The person clicking a button posted in `channel` (the alumni channel unless told). */
  click(
    email: string,
    actionId: string,
    value: string,
    channel?: string,
  ): ReturnType<RunningCohorte['cohorte']['router']['action']>;
}

/**
 * The real bot on the shell for the tests of the describe block it is called in, read through `clock`, with no job
 * scheduler (the tests run the rounds themselves); it stops after them.
 */
export function bulleOnShell(name: string, clock: Clock): BulleOnShell {
  let running: RunningCohorte | undefined;
  beforeAll(async () => {
    running = await startCohorte({ name, clock });
    const { jobs } = running.cohorte.queues;
    for (const scheduler of await jobs.getJobSchedulers()) await jobs.removeJobScheduler(scheduler.key);
  });
  afterAll(async () => {
    await running?.stop();
  });
  const bot = () => {
    if (!running) throw new Error('bot used outside a test');
    return running;
  };
  const user = (email: string) => ({ platform: 'shell' as const, id: email });
  return {
    bot,
    user,
    bulle: async (email, text) =>
      seen(
        await bot().cohorte.router.command({ user: user(email), command: 'bulle', text, channel: 'shell' }),
      ),
    click: (email, actionId, value, channel = '#eig-alumni') =>
      bot().cohorte.router.action({ user: user(email), actionId, value, channel }),
  };
}
