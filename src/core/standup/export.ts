import { neutralizeFormula, toCsv } from '../csv.js';
import { type MessageKey, translate } from '../i18n/index.js';
import { toPlainText } from '../message.js';
import type { Services } from '../ports.js';
import { nameFromEmail, normalizeEmail } from '../roster/roster.js';
import type { PromotionData } from '../roster/types.js';
import { includes, isAbsent } from './context.js';
import { periodsBetween } from './history.js';
import type { StandupRitual } from './ritual.js';

/** The fixed columns of the export, before one column per question. */
const COLUMNS: readonly MessageKey[] = [
  'standup.csvPromotion',
  'standup.csvDefi',
  'standup.csvEmail',
  'standup.csvName',
  'standup.csvPeriod',
  'standup.csvStart',
  'standup.csvEnd',
  'standup.csvPostedAt',
  'standup.csvAbsent',
];

/** One promotion's stand-ups as a CSV file, and how many rows (without the header) it holds. */
export interface StandupExport {
  csv: string;
  rows: number;
}

/**
 * The stand-ups of a promotion's ritual over the calendar days `from`–`to`: a header, then one row per period (that
 * has opened by `now`) and EIG of each défi taking part, in period, then file order. The file is in the
 * community's language (headers, questions' labels, oui/non), UTF-8 with a byte order mark, RFC 4180; answers
 * that start like a spreadsheet formula are neutralised. Undefined when no period falls in the range.
 */
export async function standupExport(
  services: Services,
  ritual: StandupRitual,
  promotion: PromotionData,
  range: { from: string; to: string },
): Promise<StandupExport | undefined> {
  const { timezone, locale } = services.roster.data;
  const text = (key: MessageKey) => toPlainText(translate(locale, key));
  const now = services.clock.now();
  const periods = periodsBetween(ritual, promotion, range.from, range.to, timezone).filter(
    (p) => p.opensAt.getTime() <= now.getTime(),
  );
  if (periods.length === 0) return undefined;
  const people = promotion.defis
    .filter((defi) => includes(ritual, defi))
    .flatMap((defi) =>
      defi.eig.map((p) => ({ defi, email: normalizeEmail(p.email), name: p.name ?? nameFromEmail(p.email) })),
    );
  const absences = await services.standups.absencesOf(people.map((p) => p.email));
  const header = [...COLUMNS.map(text), ...ritual.questions.map((q) => q.label[locale])];
  const rows: string[][] = [];
  // Every date of the file is local: `2026-11-27 14:59` in the community's timezone, like the period days.
  const localTime = new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  for (const period of periods) {
    const entries = await Promise.all(
      people.map((p) => services.standups.entry(ritual.id, period.id, p.email)),
    );
    people.forEach((person, i) => {
      const entry = entries[i];
      // Someone away who wrote anyway was not absent from the stand-up.
      const absent = !entry && isAbsent(absences.get(person.email) ?? [], period, timezone);
      rows.push([
        promotion.name,
        person.defi.name,
        person.email,
        person.name,
        period.id,
        period.start,
        period.end,
        entry ? localTime.format(new Date(entry.at)).replace(',', '') : '',
        text(absent ? 'standup.csvYes' : 'standup.csvNo'),
        ...ritual.questions.map((q) => neutralizeFormula(entry?.answers[q.id] ?? '')),
      ]);
    });
  }
  return { csv: toCsv([header, ...rows], { bom: true }), rows: rows.length };
}
