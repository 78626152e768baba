import cronParser from 'cron-parser';
import type { CronNext } from '../core/rituals/schedule.js';

/**
 * The next fire time of a cron pattern in `tz`, read by cron-parser, the very parser (and version) BullMQ's job
 * schedulers use: what `/rituel liste` shows is what the scheduler fires. Throws on a pattern it cannot read.
 */
export const cronNext: CronNext = (pattern, tz, after) => {
  const interval = cronParser.parseExpression(pattern, { currentDate: after, tz });
  return interval.hasNext() ? interval.next().toDate() : undefined;
};

/** Why a cron pattern cannot be read, or undefined when it can (five fields, as BullMQ reads them). */
export function cronProblem(pattern: string): string | undefined {
  if (pattern.trim().split(/\s+/).length !== 5)
    return 'expression cron attendue : 5 champs (minute heure jour mois jour-de-semaine)';
  try {
    cronParser.parseExpression(pattern, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return `expression cron illisible : ${(error as Error).message}`;
  }
}
