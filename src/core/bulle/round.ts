import { subDays } from 'date-fns/subDays';
import { translator } from '../i18n/index.js';
import { type Rich, textMessage, toPlainText } from '../message.js';
import type { Services } from '../ports.js';
import { formatDay } from '../time/format.js';
import { localDate } from '../time/local.js';
import { advance } from './lifecycle.js';
import { matchRound } from './match.js';
import { nameOf } from './notify.js';
import type { BulleRequest } from './store.js';
import { loadWorld } from './world.js';

/** A request waiting for longer than this is "stuck" in the coordinators' summary. */
const STUCK_DAYS = 14;
/** How many requests the summary looks at (the newest). */
const SUMMARY_SPAN = 10_000;

/** The counts of the coordinators' summary, and the stuck requests oldest first. */
function summarize(requests: readonly BulleRequest[], now: Date) {
  const stuckBefore = subDays(now, STUCK_DAYS).toISOString();
  const waiting = requests.filter((r) => r.status === 'open' || r.status === 'proposed');
  return {
    open: waiting.length,
    matched: requests.filter((r) => r.status === 'accepted').length,
    met: requests.filter((r) => r.status === 'met').length,
    stuck: waiting
      .filter((r) => r.createdAt < stuckBefore)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}

/**
 * The weekly round: every open request, oldest first, is matched again against today's bubbles (the load each
 * proposal adds counts for the next request), then the coordinators get the summary. Returns a one-line report.
 */
export async function runRound(services: Services): Promise<string> {
  const now = services.clock.now();
  const { world, active } = await loadWorld(services);
  const open = active
    .filter((r) => r.status === 'open')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const proposals = matchRound(open, world);
  let proposed = 0;
  for (const request of open) {
    const saved = await advance(services, request.id, proposals.get(request.id) ?? []);
    if (saved?.status === 'proposed') proposed++;
  }
  const counts = summarize(await services.bulle.recent(SUMMARY_SPAN), now);
  const { locale, timezone, channels } = services.roster.data;
  const t = translator(locale);
  const today = localDate(now, timezone);
  const lines: Rich[] = [
    t('bulle.summary', { ...counts, stuck: counts.stuck.length, date: formatDay(today, timezone, locale) }),
    ...counts.stuck.map((r) =>
      t('bulle.summary.stuck', {
        requester: nameOf(services, r.email),
        topic: r.label,
        date: formatDay(localDate(new Date(r.createdAt), timezone), timezone, locale),
      }),
    ),
  ];
  await services.outbox.send({
    key: `bulle-summary:${today}`,
    to: { kind: 'channel', channel: channels.coordination },
    message: textMessage(...lines),
  });
  return `${open.length} open requests, ${proposed} proposed; ${toPlainText(lines[0] ?? [])}`;
}
