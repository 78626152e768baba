import { readFileSync, writeFileSync } from 'node:fs';
import { RITUAL_JOB } from '../../src/core/ritual/ritual.js';
import type { CommunityData } from '../../src/core/roster/types.js';
import { createSchedules } from '../../src/queue/jobs.js';
import type { Queues } from '../../src/queue/queues.js';
import type { AnnouncementCommunity } from '../../test/support/announcement-community.js';
import type { SlackDouble } from '../../test/support/slack-double.js';

/** The channel every benchmark ritual posts in (the generated community's community channel). */
const CHANNEL = 'C0COMMUNITY';
const messageOf = (i: number) => `Rituel de charge ${i}`;

/**
 * Adds `count` reminder rituals (`rituel-<i>`, each its own message in the community channel, every Sunday at 03:00,
 * holidays included) to a generated community file, in place of its empty `rituals:`.
 */
export function addRituals(community: AnnouncementCommunity, count: number): void {
  const rituals = Array.from(
    { length: count },
    (_, i) =>
      `  - { id: rituel-${i}, kind: reminder, channel: ${CHANNEL}, message: '${messageOf(i)}', ` +
      `schedule: { days: [dimanche], time: '03:00' }, skipHolidays: false }`,
  );
  const yaml = readFileSync(community.file, 'utf8').replace(
    'rituals: []',
    ['rituals:', ...rituals].join('\n'),
  );
  writeFileSync(community.file, yaml);
}

/**
 * Queues one ritual job per ritual as the shell's `:run` would (`manual`: the next occurrence, early), each twice
 * under the same key through the product's one-off scheduling (`Schedules.once`, due now).
 */
export async function queueRituals(queues: Queues, community: CommunityData, count: number) {
  const schedules = createSchedules(queues, community);
  const now = new Date();
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < count; i += 500)
      await Promise.all(
        Array.from({ length: Math.min(500, count - i) }, (_, j) =>
          schedules.once(RITUAL_JOB, `bench-ritual:${i + j}`, now, {
            ritualId: `rituel-${i + j}`,
            manual: true,
          }),
        ),
      );
}

/** Each ritual's posts the double accepted: how many rituals have none, how many more than one, the last one's time. */
export function ritualTally(slack: SlackDouble, count: number) {
  const seen = new Map<string, number>();
  for (const m of slack.messages(CHANNEL)) seen.set(m.text, (seen.get(m.text) ?? 0) + 1);
  const copies = Array.from({ length: count }, (_, i) => seen.get(messageOf(i)) ?? 0);
  const posts = slack
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && c.args.channel === CHANNEL);
  return {
    lost: copies.filter((n) => n === 0).length,
    duplicates: copies.filter((n) => n > 1).length,
    lastAt: posts.length ? Math.max(...posts.map((c) => c.at)) : Number.NaN,
  };
}
