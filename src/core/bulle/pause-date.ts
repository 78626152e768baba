import { UserError } from '../errors.js';
import { parseDay, recentPastDay } from '../time/typed-days.js';

/**
 * The last day of a pause typed `JJ/MM`, `JJ/MM/AAAA` or `AAAA-MM-JJ` (`today` and the result are `yyyy-MM-dd` of
 * the community's timezone). A `JJ/MM` is the next such day, except one gone by less than a month ago: that day,
 * refused as past, as `/standup absent` does, rather than silently a year away. Throws `bulle.pause.past` with the
 * day written by `show`, or the date errors of `parseDay`.
 */
export function pauseEnd(word: string, today: string, show: (day: string) => string): string {
  const until = recentPastDay(word, today) ?? parseDay(word, today, 'onOrAfter');
  if (until < today) throw new UserError('bulle.pause.past', { date: show(until) });
  return until;
}
