import type { Context } from '../handler.js';
import { type Block, type Message, type Rich, textMessage } from '../message.js';
import { formatDateTime } from '../time/format.js';
import { allRituals, type KnownRitual } from './catalog.js';
import { nextOccurrences } from './expand.js';
import { FRESH_STATE, type RitualState } from './ritual.js';

/** How much of a ritual's message the list shows. */
const EXCERPT = 80;

/** The next three occurrences of a ritual as people read them, or why there are none. */
export function upcomingText(ctx: Context, known: KnownRitual, state: RitualState): Rich {
  const { services, locale, t } = ctx;
  if (state.paused) return t('ritual.paused');
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

/** `/rituel liste`: the file's and the chat's rituals together, each with its next three occurrences. */
export async function ritualList(ctx: Context): Promise<Message> {
  const { services, t } = ctx;
  const rituals = await allRituals(services);
  if (rituals.length === 0) return textMessage(t('ritual.empty'));
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
  return { fallback: t('ritual.listTitle'), blocks };
}
