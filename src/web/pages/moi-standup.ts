import { UserError } from '../../core/errors.js';
import type { Services } from '../../core/ports.js';
import type { Person } from '../../core/roster/types.js';
import { standupPlace } from '../../core/standup/context.js';
import { periodDaysOf } from '../../core/standup/history.js';
import { calendarDaysBetween } from '../../core/time/days.js';
import { formatDateTime, formatDay } from '../../core/time/format.js';
import { type Html, html } from '../html.js';
import type { Words } from '../words.js';

/** How many past stand-ups `/moi` lists. */
const LAST_COUNT = 5;

/** This period's stand-up: written (when) or not yet (before when), read as `/standup` reads it. */
async function thisWeek(person: Person, services: Services, w: Words): Promise<Html> {
  const tz = services.roster.data.timezone;
  let place: ReturnType<typeof standupPlace>;
  try {
    place = standupPlace(person, services.roster.data, services.clock.now());
  } catch (error) {
    // Not an EIG of a promotion with a stand-up, or a holiday week: nothing is expected of this person now.
    if (error instanceof UserError) return html`<p>${w.t('pages.moi.noStandupDue')}</p>`;
    throw error;
  }
  const entry = await services.standups.entry(place.ritual.id, place.period.id, person.email);
  return entry
    ? html`<p>${w.t('pages.moi.standupWritten', { at: formatDateTime(new Date(entry.at), tz, w.locale) })}</p>`
    : html`<p>${w.t('pages.moi.standupMissing', { deadline: formatDateTime(place.period.deadlineAt, tz, w.locale) })}</p>`;
}

/** A past period as people name it: the day, the week, or the span of a several-week cadence. */
function periodLabel(days: { start: string; end: string }, tz: string, w: Words): string {
  const from = formatDay(days.start, tz, w.locale);
  if (days.start === days.end) return w.text('pages.moi.periodDay', { from });
  if (calendarDaysBetween(days.start, days.end) === 6) return w.text('pages.moi.periodWeek', { from });
  return w.text('pages.moi.periodSpan', { from, to: formatDay(days.end, tz, w.locale) });
}

/** My last stand-ups, newest first: which period, when written, how many edits. */
async function lastStandups(person: Person, services: Services, w: Words): Promise<Html> {
  const data = services.roster.data;
  const periods = await services.standups.history(person.email, LAST_COUNT);
  const entries = await Promise.all(
    periods.map((p) => services.standups.entry(p.ritualId, p.periodId, person.email)),
  );
  const rows = periods.flatMap((p, i) => {
    const entry = entries[i];
    if (!entry) return [];
    const ritual = data.standups.find((r) => r.id === p.ritualId);
    const days = ritual && periodDaysOf(ritual, p.periodId);
    return [
      html`<tr><td>${days ? periodLabel(days, data.timezone, w) : p.periodId}</td><td>${formatDateTime(new Date(entry.at), data.timezone, w.locale)}</td><td>${entry.edits}</td></tr>`,
    ];
  });
  if (!rows.length) return html`<p>${w.t('pages.moi.noLastStandup')}</p>`;
  return html`<div class="fr-table"><table><caption>${w.t('pages.moi.lastStandups')}</caption>
<thead><tr><th scope="col">${w.t('pages.moi.colPeriod')}</th><th scope="col">${w.t('pages.moi.colWrittenAt')}</th><th scope="col">${w.t('pages.moi.colEdits')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** The stand-up section of `/moi`: this week's (posted or not, and the deadline) and the last ones. */
export async function standupSection(person: Person, services: Services, w: Words): Promise<Html> {
  const [week, last] = await Promise.all([thisWeek(person, services, w), lastStandups(person, services, w)]);
  return html`<h2>${w.t('pages.moi.standup')}</h2>
${week}
${last}`;
}
