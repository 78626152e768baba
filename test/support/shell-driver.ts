import { afterAll, beforeAll } from 'vitest';
import type { FormOutcome, Reply } from '../../src/core/handler.js';
import { type RunningCohorte, startCohorte } from './cohorte.js';
import { communityWith } from './community-with.js';

/** The coordinator the shell tests act as (she may run every command). */
export const CLAIRE = 'claire.dubois@beta.gouv.fr';

/** The test community plus one ritual from community.yml, `cafe`: a reminder every Tuesday at 09:50. */
export const cafeCommunity = (): string =>
  communityWith({
    rituals: `
  - id: cafe
    kind: reminder
    message: Café virtuel à 10:00
    schedule: { days: [mardi], time: '09:50' }
`,
  });

/** Types `/name text` on the shell of `bot`, as `email` (Claire unless told). */
export const shellCommand = (
  bot: RunningCohorte,
  name: string,
  text: string,
  email = CLAIRE,
): Promise<Reply> =>
  bot.cohorte.router.command({
    user: { platform: 'shell', id: email },
    command: name,
    text,
    channel: 'shell',
  });

/** A Cohorte on the shell, started before the suite and stopped after it, and what a person types into it. */
export interface ShellDriver {
  /** The running bot (only once the suite has started). */
  readonly bot: RunningCohorte;
  /** Types `/name text` on the shell, as `email` (Claire unless told). */
  command(name: string, text: string, email?: string): Promise<Reply>;
  /** Submits form `formId` with `values` and `context` (empty unless told), as `email` (Claire unless told). */
  form(
    formId: string,
    values: Record<string, string>,
    context?: string,
    email?: string,
  ): Promise<FormOutcome>;
}

/**
 * Registers, in the calling `describe`, a real Cohorte on the shell (real Redis) whose clock stands still at `now`,
 * booted before its tests and stopped after them; `communityFile` replaces the test community.
 */
export function driveOnShell(options: { name: string; now: Date; communityFile?: string }): ShellDriver {
  let bot: RunningCohorte | undefined;
  const running = (): RunningCohorte => {
    if (!bot) throw new Error(`${options.name}: the bot is used before the suite started it`);
    return bot;
  };
  beforeAll(async () => {
    bot = await startCohorte({
      name: options.name,
      communityFile: options.communityFile,
      clock: { now: () => options.now },
    });
  });
  afterAll(async () => {
    await bot?.stop();
  });
  return {
    get bot() {
      return running();
    },
    command: (name, text, email) => shellCommand(running(), name, text, email),
    form: (formId, values, context = '', email = CLAIRE) =>
      running().cohorte.router.form({ user: { platform: 'shell', id: email }, formId, values, context }),
  };
}
