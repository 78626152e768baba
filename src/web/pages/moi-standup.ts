import { UserError } from '../../core/errors.js';
import type { Services } from '../../core/ports.js';
import type { Person } from '../../core/roster/types.js';
import { standupPlace } from '../../core/standup/context.js';
import { periodDaysOf } from '../../core/standup/history.js';
import { calendarDaysBetween } from '../../core/time/days.js';
import { formatDateTime, formatDay } from '../../core/time/format.js';
import { type Html, html } from '../html.js';

/** How many past stand-ups `/moi` lists. */
const LAST_COUNT = 5;

/** This period's stand-up: written (when) or not yet (before when), read as `/standup` reads it. */
async function thisWeek(person: Person, services: Services): Promise<Html> {
  const tz = services.roster.data.timezone;
  let place: ReturnType<typeof standupPlace>;
  try {
    place = standupPlace(person, services.roster.data, services.clock.now());
  } catch (error) {
    // Not an EIG of a promotion with a stand-up, or a holiday week: nothing is expected of this person now.
    if (error instanceof UserError) return html`<p>Pas de stand-up attendu de vous cette semaine.</p>`;
    throw error;
  }
  const entry = await services.standups.entry(place.ritual.id, place.period.id, person.email);
  return entry
    ? html`<p>Cette semaine : écrit le ${formatDateTime(new Date(entry.at), tz, 'fr')}. Pour le modifier : <code>/standup</code> dans le chat.</p>`
    : html`<p>Cette semaine : pas encore écrit. À écrire avant le ${formatDateTime(place.period.deadlineAt, tz, 'fr')}, avec <code>/standup</code> dans le chat.</p>`;
}

/** A past period as people name it: the day, the week, or the span of a several-week cadence. */
function periodLabel(days: { start: string; end: string }, tz: string): string {
  const from = formatDay(days.start, tz, 'fr');
  if (days.start === days.end) return `Journée du ${from}`;
  if (calendarDaysBetween(days.start, days.end) === 6) return `Semaine du ${from}`;
  return `Du ${from} au ${formatDay(days.end, tz, 'fr')}`;
}

/** My last stand-ups, newest first: which period, when written, how many edits. */
async function lastStandups(person: Person, services: Services): Promise<Html> {
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
      html`<tr><td>${days ? periodLabel(days, data.timezone) : p.periodId}</td><td>${formatDateTime(new Date(entry.at), data.timezone, 'fr')}</td><td>${entry.edits}</td></tr>`,
    ];
  });
  if (!rows.length) return html`<p>Mes derniers stand-ups : aucun stand-up écrit pour l’instant.</p>`;
  return html`<div class="fr-table"><table><caption>Mes derniers stand-ups</caption>
<thead><tr><th scope="col">Période</th><th scope="col">Écrit le</th><th scope="col">Modifications</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** The stand-up section of `/moi`: this week's (posted or not, and the deadline) and the last ones. */
export async function standupSection(person: Person, services: Services): Promise<Html> {
  const [week, last] = await Promise.all([thisWeek(person, services), lastStandups(person, services)]);
  return html`<h2>Mon stand-up</h2>
${week}
${last}`;
}
