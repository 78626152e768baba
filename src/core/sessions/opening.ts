import { translator } from '../i18n/index.js';
import type { Block, Message } from '../message.js';
import type { Services } from '../ports.js';
import { normalizeEmail } from '../roster/roster.js';
import type { DefiData, PromotionData } from '../roster/types.js';
import { includes } from '../standup/context.js';
import { type Period, periodOn } from '../standup/period.js';
import type { StandupRitual } from '../standup/ritual.js';
import { addCalendarDays } from '../time/days.js';
import { localDate } from '../time/local.js';
import type { Session } from './session.js';

/** How far back the opening post looks for a défi's last digest: a stand-up every few weeks at most. */
const LOOKBACK_DAYS = 63;

/** The periods of a ritual whose digest time has passed, newest first. */
function pastPeriods(ritual: StandupRitual, promotion: PromotionData, now: Date, timezone: string): Period[] {
  const periods = new Map<string, Period>();
  const today = localDate(now, timezone);
  for (let back = 0; back <= LOOKBACK_DAYS; back++) {
    const period = periodOn(ritual, promotion, addCalendarDays(today, -back), timezone);
    if (period && period.digestAt <= now && !periods.has(period.id)) periods.set(period.id, period);
  }
  return [...periods.values()];
}

/** One défi's lines: its météo and help requests from its last digest, then who of it comes. */
async function defiBlocks(
  services: Services,
  defi: DefiData,
  coming: string[],
  last: { ritual: StandupRitual; periods: Period[] } | undefined,
): Promise<Block[]> {
  const t = translator(services.roster.data.locale);
  const { standups, roster } = services;
  const name = (email: string) => roster.person(email, [], services.clock.now()).name;
  const blocks: Block[] = [];
  const period = last
    ? await (async () => {
        for (const p of last.periods) if (await standups.digest(last.ritual.id, p.id, defi.id)) return p;
        return undefined;
      })()
    : undefined;
  if (last && period) {
    const choice = last.ritual.questions.find((q) => q.kind === 'choice');
    const answers = new Map(
      (await standups.entries(last.ritual.id, period.id)).map((e) => [e.email, e.answers]),
    );
    // In the défi's order of community.yml, as the digest lists its members (the store keeps no order).
    const moods = defi.eig.flatMap((p) => {
      const mood = choice && answers.get(normalizeEmail(p.email))?.[choice.id];
      return mood ? [mood as string] : [];
    });
    blocks.push({
      kind: 'section',
      text: t('session.standupDefi', { defi: defi.name, moods: moods.join(' ') }),
    });
    for (const help of (await standups.helpFor(last.ritual.id, period.id)).filter(
      (h) => h.defiId === defi.id,
    ))
      blocks.push({
        kind: 'context',
        text: t('session.standupHelp', { name: name(help.email), text: help.text }),
      });
  } else {
    blocks.push({ kind: 'section', text: t('session.standupNoDigest', { defi: defi.name }) });
  }
  const names = defi.eig.map((p) => normalizeEmail(p.email)).filter((e) => coming.includes(e));
  if (names.length)
    blocks.push({ kind: 'context', text: t('session.standupComing', { names: names.map(name).join(', ') }) });
  return blocks;
}

/**
 * The opening stand-up of a session's morning: each défi of its promotions with the météo and help requests of its
 * last stand-up digest (or that it has none), and who of the défi comes.
 */
export async function openingStandup(
  services: Services,
  session: Session,
  coming: string[],
): Promise<Message> {
  const data = services.roster.data;
  const t = translator(data.locale);
  const now = services.clock.now();
  const blocks: Block[] = [{ kind: 'header', text: t('session.standupTitle') }];
  for (const promotion of data.promotions.filter((p) => session.audience.promotions.includes(p.id))) {
    const ritual = data.standups.find((r) => r.promotion === promotion.id);
    const last = ritual && { ritual, periods: pastPeriods(ritual, promotion, now, data.timezone) };
    for (const defi of promotion.defis) {
      if (ritual && !includes(ritual, defi)) continue;
      blocks.push(...(await defiBlocks(services, defi, coming, last)));
    }
  }
  return { fallback: t('session.standupTitle'), blocks };
}
