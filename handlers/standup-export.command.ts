import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral } from '../src/core/handler.js';
import { textMessage } from '../src/core/message.js';
import type { PromotionData } from '../src/core/roster/types.js';
import { standupExport } from '../src/core/standup/export.js';
import type { StandupRitual } from '../src/core/standup/ritual.js';
import { formatDay } from '../src/core/time/format.js';
import { localDate } from '../src/core/time/local.js';
import { argumentWords, looksLikeDay, parseDay } from '../src/core/time/typed-days.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * `/standup export [promotion] [du] [au]`, coordinators only: one CSV file per promotion (every promotion with a
 * stand-up by default), one row per EIG and period, from the promotion's start (or `du`) to today (or `au`),
 * sent by DM through the outbox. A `JJ/MM` start is the last such day up to today; a `JJ/MM` end the first such
 * day from the start.
 */
export const standupExportCommand: CommandHandler = {
  command: 'standup',
  name: 'export',
  aliases: ['exporter', 'csv'],
  permission: 'standup.export',
  help: 'help.standup.export',
  async run({ person, services, locale, t }, args) {
    const data = services.roster.data;
    const show = (day: string) => formatDay(day, data.timezone, locale);
    const available = data.standups.flatMap(
      (ritual): { ritual: StandupRitual; promotion: PromotionData }[] => {
        const promotion = data.promotions.find((p) => p.id === ritual.promotion);
        return promotion ? [{ ritual, promotion }] : [];
      },
    );
    if (available.length === 0) throw new UserError('standup.exportNoRitual');

    const words = argumentWords(args);
    let chosen = available;
    const [first] = words;
    const namesPromotion = first !== undefined && data.promotions.some((p) => same(p.id, first));
    if (first !== undefined && (namesPromotion || !looksLikeDay(first))) {
      words.shift();
      const match = available.filter((a) => same(a.promotion.id, first) || same(a.promotion.name, first));
      if (match.length === 0) {
        const promotions = available.map((a) => a.promotion.id).join(', ');
        throw new UserError('standup.exportUnknownPromotion', { promotion: first, promotions });
      }
      chosen = match;
    }
    if (words.length > 2) throw new UserError('standup.exportUsage');
    const [typedFrom, typedTo] = words;
    const now = services.clock.now();
    const today = localDate(now, data.timezone);
    const from = typedFrom === undefined ? undefined : parseDay(typedFrom, today, 'onOrBefore');
    const to = typedTo === undefined ? undefined : parseDay(typedTo, from ?? today, 'onOrAfter');
    if (from && to && to < from)
      throw new UserError('standup.datesBackwards', { from: show(from), to: show(to) });

    const files: string[] = [];
    for (const { ritual, promotion } of chosen) {
      const range = {
        from: from ?? promotion.start,
        to: to ?? ([today, promotion.end].sort()[0] as string),
      };
      const built = await standupExport(services, ritual, promotion, range);
      if (!built) continue;
      const name = `stand-ups-${promotion.id}-${range.from}-${range.to}.csv`;
      await services.outbox.send({
        key: `standup-export:${person.email}:${promotion.id}:${range.from}:${range.to}:${now.getTime()}`,
        to: { kind: 'person', email: person.email },
        message: textMessage(
          t('standup.exportFileComment', {
            promotion: promotion.name,
            from: show(range.from),
            to: show(range.to),
            rows: built.rows,
          }),
        ),
        file: { name, content: built.csv },
      });
      files.push(name);
    }
    if (files.length === 0) {
      const start = chosen.map((c) => c.promotion.start).sort()[0] ?? today;
      throw new UserError('standup.exportEmpty', { from: show(from ?? start), to: show(to ?? today) });
    }
    return ephemeral(t('standup.exportQueued', { files: files.join(', ') }));
  },
};
