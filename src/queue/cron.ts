import cronParser from 'cron-parser';
import type { CronCheck, CronNext } from '../core/ritual/schedule.js';

/**
 * The next fire time of a cron pattern in `tz`, read by cron-parser, the very parser (and version) BullMQ's job
 * schedulers use: what `/rituel liste` shows is what the scheduler fires. Throws on a pattern it cannot read.
 */
export const cronNext: CronNext = (pattern, tz, after) => {
  const interval = cronParser.parseExpression(pattern, { currentDate: after, tz });
  return interval.hasNext() ? interval.next().toDate() : undefined;
};

/**
 * Why a cron pattern cannot schedule a ritual, or undefined when it can: five fields read by BullMQ's parser (which
 * also takes three, and would fire every minute), and one minute of one hour at most, so at most once a day.
 */
export const cronCheck: CronCheck = (pattern) => {
  if (pattern.trim().split(/\s+/).length !== 5)
    return {
      kind: 'unreadable',
      detail: 'expression cron attendue : 5 champs (minute heure jour mois jour-de-semaine)',
    };
  try {
    const { minute, hour } = cronParser.parseExpression(pattern, { tz: 'UTC' }).fields;
    // Every matching day fires each minute of each hour listed: more than one pair is more than once a day.
    return minute.length * hour.length > 1 ? { kind: 'tooOften' } : undefined;
  } catch (error) {
    return { kind: 'unreadable', detail: `expression cron illisible : ${(error as Error).message}` };
  }
};
