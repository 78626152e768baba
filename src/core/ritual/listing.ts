import type { Context } from '../handler.js';
import { type Block, type Message, type Rich, textMessage } from '../message.js';
import { periodOn } from '../standup/period.js';
import type { StandupRitual } from '../standup/ritual.js';
import { addCalendarDays } from '../time/days.js';
import { formatDateTime } from '../time/format.js';
import { localDate } from '../time/local.js';
import { allRituals, type KnownRitual } from './catalog.js';
import { nextOccurrences } from './expand.js';
import { FRESH_STATE, type RitualState } from './ritual.js';

/** How much of a ritual's message the list shows. */
const EXCERPT = 80;

/** The next three occurrences of a ritual as people read them, or why there are none. */
export function upcomingText(ctx: Context, known: KnownRitual, state: RitualState): Rich {
  const { services, locale, t } = ctx;
  if (state.paused) return t('ritual.paused', { id: known.ritual.id });
  const { timezone } = services.roster.data;
  const tz = known.ritual.timezone ?? timezone;
  const next = nextOccurrences(known.ritual, services.clock.now(), 3, {
    timezone,
    cronNext: services.schedules.cronNext,
    state,
  });
  if (next.length === 0) return t('ritual.none');
  return t('ritual.next', { dates: next.map((at) => formatDateTime(at, tz, locale)).join(' ; ') });
}

/** How far `/rituel liste` looks for a stand-up's next deadlines: the holidays can close a few weeks. */
const STANDUP_LOOKAHEAD_DAYS = 120;

/** The next three deadlines of a stand-up ritual, within its promotion's dates. */
function standupDeadlines(ctx: Context, ritual: StandupRitual): Date[] {
  const { services } = ctx;
  const { timezone, promotions } = services.roster.data;
  const promotion = promotions.find((p) => p.id === ritual.promotion);
  if (!promotion) return [];
  const now = services.clock.now();
  const deadlines = new Map<number, Date>();
  let day = localDate(now, timezone);
  for (let i = 0; i < STANDUP_LOOKAHEAD_DAYS && deadlines.size < 3; i++, day = addCalendarDays(day, 1)) {
    const period = periodOn(ritual, promotion, day, timezone);
    if (period && period.deadlineAt > now) deadlines.set(period.deadlineAt.getTime(), period.deadlineAt);
  }
  return [...deadlines.values()];
}

/** The stand-up rituals of the file, listed with the others: each line names its promotion and next deadlines. */
function standupBlocks(ctx: Context): Block[] {
  const { services, t, locale } = ctx;
  const { timezone, promotions, standups } = services.roster.data;
  return standups.flatMap((ritual): Block[] => {
    const promotion = promotions.find((p) => p.id === ritual.promotion)?.name ?? ritual.promotion;
    const deadlines = standupDeadlines(ctx, ritual);
    const dates = deadlines.map((at) => formatDateTime(at, timezone, locale)).join(' ; ');
    return [
      { kind: 'section', text: t('ritual.lineStandup', { id: ritual.id, promotion }) },
      { kind: 'context', text: dates ? t('ritual.nextDeadlines', { dates }) : t('ritual.none') },
    ];
  });
}

/**
 * `/rituel liste`: the file's and the chat's rituals together, each with its next three occurrences, then the
 * file's stand-ups with their next three deadlines.
 */
export async function ritualList(ctx: Context): Promise<Message> {
  const { services, t } = ctx;
  const rituals = await allRituals(services);
  const standups = standupBlocks(ctx);
  if (rituals.length === 0 && standups.length === 0) return textMessage(t('ritual.empty'));
  const states = await services.rituals.states(rituals.map((k) => k.ritual.id));
  const community = services.roster.data.channels.community;
  const blocks: Block[] = [{ kind: 'header', text: t('ritual.listTitle') }];
  for (const known of rituals) {
    const { ritual } = known;
    const excerpt =
      ritual.message.length > EXCERPT ? `${ritual.message.slice(0, EXCERPT - 1)}…` : ritual.message;
    blocks.push(
      {
        kind: 'section',
        text: t(known.source === 'file' ? 'ritual.lineFile' : 'ritual.lineChat', {
          id: ritual.id,
          channel: ritual.channel ?? community,
          message: excerpt,
        }),
      },
      { kind: 'context', text: upcomingText(ctx, known, states.get(ritual.id) ?? FRESH_STATE) },
    );
  }
  blocks.push(...standups);
  return { fallback: t('ritual.listTitle'), blocks };
}
