import type { RunningCohorte } from './cohorte.js';

/** A platform double and the real bot pointed at it, stopped together. */
export interface BotOnDouble<D extends { close(): Promise<void> }> {
  double: D;
  bot: RunningCohorte;
  /** Stops the bot, then closes the double it was talking to. */
  stop(): Promise<void>;
}

/**
 * Starts the bot on an already running `double`. If the bot fails to start, the double is closed before the error
 * is thrown again, so a failed boot leaves no port open.
 */
export async function startBotOnDouble<D extends { close(): Promise<void> }>(
  double: D,
  startBot: () => Promise<RunningCohorte>,
): Promise<BotOnDouble<D>> {
  const bot = await startBot().catch(async (error: unknown) => {
    await double.close();
    throw error;
  });
  return {
    double,
    bot,
    async stop() {
      await bot.stop();
      await double.close();
    },
  };
}
