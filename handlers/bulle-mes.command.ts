import { withCancel } from '../src/core/bulle/messages.js';
import { isInPlay } from '../src/core/bulle/store.js';
import type { CommandHandler } from '../src/core/handler.js';
import type { Block, Rich } from '../src/core/message.js';
import { formatDay } from '../src/core/time/format.js';
import { localDate } from '../src/core/time/local.js';

/** `/bulle mes`: the person's bubbles, their pause, and their requests (those in play with *Annuler la demande*). */
export const bulleMesCommand: CommandHandler = {
  command: 'bulle',
  name: 'mes',
  aliases: ['mine'],
  help: 'help.bulle.mes',
  async run({ person, services, t, locale }, _args) {
    const { timezone } = services.roster.data;
    const skills = await services.bulle.skillsOf(person.email);
    const labels = (kind: string) =>
      skills
        .filter((s) => s.kind === kind)
        .map((s) => s.label)
        .sort((a, b) => a.localeCompare(b));
    const lines: Rich[] = [t('bulle.mine.title')];
    if (labels('share').length) lines.push(t('bulle.mine.shares', { topics: labels('share').join(', ') }));
    if (labels('learn').length) lines.push(t('bulle.mine.learns', { topics: labels('learn').join(', ') }));
    if (skills.length === 0) lines.push(t('bulle.mine.none'));
    const paused = (await services.bulle.pauses()).get(person.email);
    if (paused && paused >= localDate(services.clock.now(), timezone))
      lines.push(t('bulle.mine.paused', { date: formatDay(paused, timezone, locale) }));
    const blocks: Block[] = lines.map((text) => ({ kind: 'section', text }));
    const requests = (await services.bulle.requestsOf(person.email)).sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
    if (requests.length) blocks.push({ kind: 'section', text: t('bulle.mine.requests') });
    for (const request of requests) {
      const line = t('bulle.mine.request', {
        topic: request.label,
        status: t(`bulle.status.${request.status}`),
        date: formatDay(localDate(new Date(request.createdAt), timezone), timezone, locale),
      });
      if (isInPlay(request.status)) blocks.push(...withCancel(t, line, request).blocks);
      else blocks.push({ kind: 'section', text: line });
    }
    return { visibility: 'ephemeral', message: { fallback: lines[0] ?? [], blocks } };
  },
};
