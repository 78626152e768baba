import { pauseEnd } from '../src/core/bulle/pause-date.js';
import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { formatDay } from '../src/core/time/format.js';
import { localDate } from '../src/core/time/local.js';

const END_WORDS = new Set(['fin', 'end', 'stop', 'reprendre', 'resume']);

/**
 * `/bulle pause <JJ/MM>`: no proposals to the person until that day included; `/bulle pause fin` ends it. A day
 * that has just gone by is refused, not read as next year.
 */
export const bullePauseCommand: CommandHandler = {
  command: 'bulle',
  name: 'pause',
  help: 'help.bulle.pause',
  async run({ person, services, t, locale }, args) {
    const word = args.trim().toLowerCase();
    if (!word) throw new UserError('bulle.pause.usage');
    if (END_WORDS.has(word)) {
      await services.bulle.setPause(person.email, undefined);
      return ephemeral(t('bulle.pause.ended'));
    }
    const { timezone } = services.roster.data;
    const today = localDate(services.clock.now(), timezone);
    const show = (day: string) => formatDay(day, timezone, locale);
    const until = pauseEnd(word, today, show);
    const shown = show(until);
    await services.bulle.setPause(person.email, until);
    return ephemeral(t('bulle.pause.done', { date: shown }));
  },
};
