import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import type { Locale } from '../i18n/index.js';

const LOCALES = { fr, en: enGB };
const PATTERNS: Record<Locale, { date: string; dateTime: string }> = {
  fr: { date: 'EEEE d MMMM yyyy', dateTime: "EEEE d MMMM yyyy 'à' HH:mm" },
  en: { date: 'EEEE d MMMM yyyy', dateTime: "EEEE d MMMM yyyy 'at' HH:mm" },
};

function formatIn(date: Date, timezone: string, locale: Locale, pattern: string): string {
  const local = new TZDate(date, timezone);
  // French writes the first of the month « 1er » and every other day as a bare number.
  const dayPattern = locale === 'fr' && local.getDate() === 1 ? pattern.replace(' d ', " d'er' ") : pattern;
  return format(local, dayPattern, { locale: LOCALES[locale] });
}

/** A day as people read it, in the community's timezone: « lundi 24 novembre 2026 », « mercredi 1er juillet 2026 ». */
export function formatDate(date: Date, timezone: string, locale: Locale): string {
  return formatIn(date, timezone, locale, PATTERNS[locale].date);
}

/** A moment as people read it, 24-hour clock, in the community's timezone: « lundi 24 novembre 2026 à 07:00 ». */
export function formatDateTime(date: Date, timezone: string, locale: Locale): string {
  return formatIn(date, timezone, locale, PATTERNS[locale].dateTime);
}

/** A calendar day (`yyyy-MM-dd`) as people read it: « lundi 7 décembre 2026 » (noon UTC: the same day everywhere). */
export const formatDay = (day: string, timezone: string, locale: Locale): string =>
  formatDate(new Date(`${day}T12:00:00Z`), timezone, locale);
