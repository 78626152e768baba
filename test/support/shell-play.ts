import type { Clock } from '../../src/core/clock.js';
import { type RunningCohorte, startCohorte } from './cohorte.js';
import { waitFor } from './wait.js';

/**
 * A line the shell takes for no command (nor, in a form, for an answer), typed after each batch: its echo marks
 * where the batch's output ends, and its answer that the lines before it are handled.
 */
const MARK = ':fin-de-lot';

/** One line typed and what the shell printed for it (posts included), without the line itself. */
export interface Step {
  input: string;
  output: string[];
}

/** The shell's output cut at each echoed line (`› …`); what comes before the first is the welcome. */
export function steps(transcript: string): Step[] {
  const out: Step[] = [];
  for (const line of transcript.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('› ')) out.push({ input: line.slice(2), output: [] });
    else out.at(-1)?.output.push(line);
  }
  return out;
}

/** A person at the real bot's shell: lines go in through its input, its output is read back. */
export interface ShellSession {
  bot: RunningCohorte;
  /** Types the lines, waits until the shell has handled them all; returns what they printed, step by step. */
  type(...lines: string[]): Promise<Step[]>;
  stop(): Promise<void>;
}

/** Starts the real bot in shell mode (real Redis, BullMQ, outbox) and types into it. */
export async function shellSession(options: {
  name: string;
  clock?: Clock;
  communityFile?: string;
  env?: Record<string, string>;
}): Promise<ShellSession> {
  const bot = await startCohorte(options);
  let batches = 0;
  let read = 0;
  return {
    bot,
    async type(...lines) {
      const mark = `${MARK}-${++batches}`;
      bot.shellInput.write(`${[...lines, mark].join('\n')}\n`);
      const echo = `› ${mark}\n`;
      const answered = () => {
        const at = bot.shellOutput().indexOf(echo);
        return (
          at >= 0 &&
          bot
            .shellOutput()
            .slice(at + echo.length)
            .includes('\n')
        );
      };
      await waitFor(answered, 60_000, `the shell to handle: ${lines.join(' | ')}`);
      const all = bot.shellOutput();
      const batch = all.slice(read, all.indexOf(echo));
      read = all.length;
      return steps(batch);
    },
    stop: () => bot.stop(),
  };
}
