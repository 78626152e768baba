import type { BulleRequest, RequestStatus } from '../../src/core/bulle/store.js';
import { DASHBOARD_WEEKS } from '../../src/core/pages/standup-weeks.js';
import { periodsBetween } from '../../src/core/standup/history.js';
import { type Absence, helpRequestId } from '../../src/core/standup/store.js';
import { addCalendarDays } from '../../src/core/time/days.js';
import { localDate } from '../../src/core/time/local.js';
import type { createStores } from '../../src/store/index.js';
import { aSession } from '../../test/support/session-fixture.js';
import { helpText, moodOf, type SyntheticCommunity, seededRandom } from './standup-community.js';

/** What {@link seedDashboard} wrote. */
export interface DashboardSeed {
  periods: number;
  entries: number;
  late: number;
  absences: number;
  help: number;
  requests: number;
  recipients: number;
}

const STATUSES: [RequestStatus, number][] = [
  ['open', 0.1],
  ['proposed', 0.1],
  ['accepted', 0.3],
  ['met', 0.35],
  ['notmet', 0.05],
  ['cancelled', 0.1],
];

/** The status whose share of the cumulated {@link STATUSES} holds `draw` (0–1). */
function statusAt(draw: number): RequestStatus {
  let left = draw;
  for (const [status, share] of STATUSES) {
    left -= share;
    if (left < 0) return status;
  }
  return 'open';
}

/** Runs `work` on every item, `width` at a time (one connection pipelines what is in flight). */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

/**
 * Seeds what the coordinators' dashboard reads, through the real stores, relative to `now` (the server runs on the
 * system clock): every closed stand-up period of the last 12 weeks (80 % of the EIG post, one in seven of them
 * after the deadline, 5 % away, the rest silent; 2 % of posts ask for help), `requests` bulloterie requests at
 * every stage over 120 days, three sessions to come and one announcement to everyone.
 */
export async function seedDashboard(
  stores: ReturnType<typeof createStores>,
  community: SyntheticCommunity,
  now: Date,
  requests: number,
): Promise<DashboardSeed> {
  const random = seededRandom(15);
  const { ritual, data, eig } = community;
  const promotion = data.promotions[0];
  if (!promotion) throw new Error('the synthetic community has no promotion');
  const tz = data.timezone;
  const today = localDate(now, tz);
  const periods = periodsBetween(
    ritual,
    promotion,
    addCalendarDays(today, -DASHBOARD_WEEKS * 7),
    today,
    tz,
  ).filter((p) => p.deadlineAt.getTime() <= now.getTime());
  const seed: DashboardSeed = {
    periods: periods.length,
    entries: 0,
    late: 0,
    absences: 0,
    help: 0,
    requests,
    recipients: eig.length,
  };
  const absences = new Map<string, Absence[]>();
  const posts: { email: string; defiId: string; periodId: string; at: Date }[] = [];
  for (const period of periods) {
    const day = localDate(period.deadlineAt, tz);
    for (const person of eig) {
      const draw = random();
      if (draw < 0.05)
        absences.set(person.email, [...(absences.get(person.email) ?? []), { from: day, to: day }]);
      else if (draw < 0.85) {
        const late = random() < 1 / 7;
        if (late) seed.late += 1;
        const at = new Date(
          late ? period.deadlineAt.getTime() + 3_600_000 : period.opensAt.getTime() + 86_400_000,
        );
        posts.push({ email: person.email, defiId: person.defiId, periodId: period.id, at });
      }
    }
  }
  seed.entries = posts.length;
  seed.absences = [...absences.values()].reduce((n, list) => n + list.length, 0);
  await inBatches(posts, 100, async (post) => {
    const answers = { meteo: moodOf(random), priorites: 'Finaliser la démonstration du prototype' };
    await stores.standups.save(
      ritual.id,
      post.periodId,
      { email: post.email, at: post.at.toISOString() },
      () => answers,
    );
    if (random() < 0.02) {
      seed.help += 1;
      await stores.standups.setHelp({
        id: helpRequestId(ritual.id, post.periodId, post.email),
        ritualId: ritual.id,
        periodId: post.periodId,
        defiId: post.defiId,
        email: post.email,
        text: helpText(random),
        at: post.at.toISOString(),
      });
    }
  });
  await inBatches([...absences], 100, ([email, list]) => stores.standups.setAbsences(email, list));

  const pick = () => eig[Math.floor(random() * eig.length)]?.email ?? '';
  const all: BulleRequest[] = Array.from({ length: requests }, (_, i) => {
    const status = statusAt(random());
    const created = new Date(now.getTime() - random() * 120 * 86_400_000);
    const matched = ['accepted', 'met', 'notmet'].includes(status);
    const tried = Array.from({ length: 1 + Math.floor(random() * 4) }, pick);
    return {
      id: `bench-${i}`,
      email: pick(),
      key: `sujet-${i % 150}`,
      label: `Sujet ${i % 150}`,
      domain: 'Dev',
      details: '',
      source: 'chat',
      status,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      candidates: [],
      tried: status === 'open' ? [] : tried,
      attempt: tried.length,
      ...(status === 'proposed' ? { candidate: pick() } : {}),
      ...(matched
        ? {
            helper: tried.at(-1),
            matchedAt: new Date(created.getTime() + (0.5 + random() * 9.5) * 86_400_000).toISOString(),
          }
        : {}),
    };
  });
  await inBatches(all, 100, (r) => stores.bulle.create(r));

  for (const days of [7, 14, 30]) {
    const date = addCalendarDays(today, days);
    await stores.sessions.create(
      aSession({ id: date, date, audience: { promotions: [promotion.id], mentors: false, alumni: false } }),
    );
  }
  const announcement = await stores.announcements.create({
    author: data.coordinators[0]?.email ?? '',
    text: 'La journée de promotion a lieu dans une semaine : inscrivez-vous avec le bouton du message.',
    audience: { everyone: true, promotions: [], roles: [], defis: [] },
    audienceText: 'tout le monde',
    mode: 'dms',
    createdAt: new Date(now.getTime() - 86_400_000).toISOString(),
    state: 'sent',
    version: 1,
  });
  await stores.announcements.setRecipients(
    announcement.id,
    eig.map((p) => `person:${p.email}` as const),
  );
  return seed;
}
