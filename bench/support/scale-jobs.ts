import { readFileSync, writeFileSync } from 'node:fs';
import { RITUAL_JOB } from '../../src/core/ritual/ritual.js';
import type { CommunityData } from '../../src/core/roster/types.js';
import { createSchedules } from '../../src/queue/jobs.js';
import type { Queues } from '../../src/queue/queues.js';
import { digest } from '../../src/store/keys.js';
import type { AnnouncementCommunity } from '../../test/support/announcement-community.js';
import type { SlackDouble } from '../../test/support/slack-double.js';

/**
 * The scale-out benchmark's jobs the platform does not pace, on a generated community (`announcementCommunity`):
 * reminder rituals run early, a stand-up's digests and a bulloterie round. Each adds its rituals to the file, queues its jobs through the
 * product's one-off scheduling (`Schedules.once`, due now, each twice under one key as a planning run twice would),
 * and counts each expected post in the Slack double.
 */

/** The channel every benchmark reminder posts in (the generated community's community channel). */
const CHANNEL = 'C0COMMUNITY';
const STANDUP = 'standup-scale';
/** The generated community's coordination channel, where the round's summary goes. */
const COORDINATION = 'C0COORD';
const messageOf = (i: number) => `Rituel de charge ${i}`;

/** Writes `rituals` (YAML list items) in place of the generated file's empty `rituals:`. */
function writeRituals(community: AnnouncementCommunity, rituals: string[]): void {
  const yaml = readFileSync(community.file, 'utf8').replace(
    'rituals: []',
    ['rituals:', ...rituals].join('\n'),
  );
  writeFileSync(community.file, yaml);
}

/**
 * Adds `count` reminder rituals (`rituel-<i>`, each its own message in the community channel, every Sunday at 03:00,
 * holidays included) and one weekly stand-up of the promotion, open all week (its digests are run early).
 */
export function addScaleRituals(community: AnnouncementCommunity, count: number): void {
  const reminders = Array.from(
    { length: count },
    (_, i) =>
      `  - { id: rituel-${i}, kind: reminder, channel: ${CHANNEL}, message: '${messageOf(i)}', ` +
      `schedule: { days: [dimanche], time: '03:00' }, skipHolidays: false }`,
  );
  const standup =
    `  - { id: ${STANDUP}, kind: standup, promotion: eig9, opens: { day: lundi, time: '00:00' }, ` +
    `deadline: { day: dimanche, time: '23:00' } }`;
  writeRituals(community, [standup, ...reminders]);
}

/** Queues `jobs` (a key, a job name, its data) twice each, 500 at a time. */
async function queueTwice(
  queues: Queues,
  community: CommunityData,
  jobs: [string, string, Record<string, unknown>][],
) {
  const schedules = createSchedules(queues, community);
  const now = new Date();
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < jobs.length; i += 500)
      await Promise.all(
        jobs.slice(i, i + 500).map(([key, name, data]) => schedules.once(name, key, now, data)),
      );
}

/** One ritual job per reminder, as the shell's `:run` would (`manual`: the next occurrence, early). */
export const queueRituals = (queues: Queues, community: CommunityData, count: number) =>
  queueTwice(
    queues,
    community,
    Array.from({ length: count }, (_, i) => [
      `bench-ritual:${i}`,
      RITUAL_JOB,
      { ritualId: `rituel-${i}`, manual: true },
    ]),
  );

/** The stand-up's digest job, run early (`manual`): one digest per défi, then the roll-up. */
export const queueDigests = (queues: Queues, community: CommunityData) =>
  queueTwice(queues, community, [['bench-digest', 'standup-digest', { ritualId: STANDUP, manual: true }]]);

/** The weekly bulloterie round (`bulle-round`), run now: every open request matched again, then the summary. */
export const queueRound = (queues: Queues, community: CommunityData) =>
  queueTwice(queues, community, [['bench-round', 'bulle-round', {}]]);

/** Each expected post's count: how many have none, how many more than one, when the double accepted the last. */
function postTally(slack: SlackDouble, channels: Set<string>, copies: number[]) {
  const posts = slack
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && channels.has(String(c.args.channel)));
  return {
    lost: copies.filter((n) => n === 0).length,
    duplicates: copies.filter((n) => n > 1).length,
    lastAt: posts.length ? Math.max(...posts.map((c) => c.at)) : Number.NaN,
  };
}

/** Each reminder's posts in the community channel. */
export function ritualTally(slack: SlackDouble, count: number) {
  const seen = new Map<string, number>();
  for (const m of slack.messages(CHANNEL)) seen.set(m.text, (seen.get(m.text) ?? 0) + 1);
  const copies = Array.from({ length: count }, (_, i) => seen.get(messageOf(i)) ?? 0);
  return postTally(slack, new Set([CHANNEL]), copies);
}

/** Each défi's digest (its channel `C0DEF<n>`, `defis` of them) and the coordinators' roll-up (`C0COORD`). */
export function digestTally(slack: SlackDouble, defis: number) {
  const channels = [...Array.from({ length: defis }, (_, d) => `C0DEF${d}`), COORDINATION];
  const copies = channels.map((channel) => slack.messages(channel).length);
  return postTally(slack, new Set(channels), copies);
}

/**
 * The round's posts over `requests` open requests (`bench-<i>`, first attempt, as `seedBulle` stores them), told
 * apart by the outbox's delivery tag: each request either proposed (the candidate's and the requester's DMs) or
 * escalated (the alumni channel's post and the requester's DM), two deliveries; then the coordinators' summary.
 */
export function roundTally(slack: SlackDouble, requests: number) {
  const accepted = new Map<string, number>();
  const channels = new Set<string>();
  let summaries = 0;
  for (const call of slack.callsTo('chat.postMessage')) {
    const payload = (
      call.args.metadata as { event_payload?: { delivery?: string; part?: number } } | undefined
    )?.event_payload;
    if (call.status !== 200 || !payload?.delivery || payload.part !== 0) continue;
    accepted.set(payload.delivery, (accepted.get(payload.delivery) ?? 0) + 1);
    channels.add(String(call.args.channel));
    if (call.args.channel === COORDINATION) summaries++;
  }
  const seen = (key: string) => accepted.get(digest(key)) ?? 0;
  const copies = Array.from({ length: requests }, (_, i) => {
    const id = `bulle:bench-${i}`;
    const proposed = [seen(`${id}:proposal:1`), seen(`${id}:proposed:1`)];
    const escalated = [seen(`${id}:escalation`), seen(`${id}:escalated`)];
    return proposed.some((n) => n > 0) ? proposed : escalated;
  }).flat();
  return postTally(slack, channels, [...copies, summaries]);
}
