import { setTimeout as sleep } from 'node:timers/promises';
import type { AnnouncementCommunity } from '../../test/support/announcement-community.js';
import { type RunningCohorte, startCohorte } from '../../test/support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../../test/support/slack-double.js';
import { target } from './report.js';

/** Slack's figures the announcement benchmarks enforce in the double: 1 post/s per channel, 8/s per workspace. */
export const WORKSPACE_PER_SECOND = 8;
export const LIMITS = { perChannelPerSecond: 1, workspacePerSecond: WORKSPACE_PER_SECOND };

/**
 * The Slack double with those limits (or none, with `limited` false) and a web-only Cohorte on it, named `name` (its
 * Redis prefix); the workers are the benchmark's own processes. If the web instance cannot start, the double is closed.
 */
export async function startFanout(
  community: AnnouncementCommunity,
  name: string,
  limited = true,
): Promise<{ slack: SlackDouble; web: RunningCohorte }> {
  const slack = await startSlackDouble({ users: community.users, ...(limited ? { limits: LIMITS } : {}) });
  try {
    const web = await startCohorte({
      name,
      slackApiUrl: slack.url,
      communityFile: community.file,
      env: { ROLE: 'web', LOG_LEVEL: 'warn' },
    });
    return { slack, web };
  } catch (error) {
    await slack.close();
    throw error;
  }
}

/** Posts accepted by the double to each of `count` EIG's DMs (`DU<n>`), and the 429s it answered. */
export function tally(slack: SlackDouble, count: number) {
  const copies = Array.from({ length: count }, (_, i) => slack.messages(`DU${i}`).length);
  const posts = slack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('DU'));
  const accepted = posts.filter((c) => c.status === 200 && /^DU\d+$/.test(String(c.args.channel)));
  return {
    lost: copies.filter((n) => n === 0).length,
    duplicates: copies.filter((n) => n > 1).length,
    limited: posts.filter((c) => c.status === 429).length,
    calls: posts.length,
    /** When the double accepted the last copy (epoch ms), NaN before any. */
    lastAt: accepted.length ? Math.max(...accepted.map((c) => c.at)) : Number.NaN,
  };
}

/**
 * Waits until `count` (a {@link tally} of the double) finds nobody without a copy, or `deadline` (epoch ms) passes;
 * then `graceMs` more, so that a copy still in flight shows up as a duplicate. Returns when the double accepted the
 * last copy, as the first count that found none lost says, and the count after the grace.
 */
export async function settleCopies<T extends { lost: number; lastAt: number }>(
  count: () => T,
  deadline: number,
  options: { graceMs?: number; pollMs?: number } = {},
): Promise<{ lastAt: number; after: T }> {
  while (count().lost > 0 && Date.now() < deadline) await sleep(options.pollMs ?? 200);
  const { lastAt } = count();
  await sleep(options.graceMs ?? 2_000);
  return { lastAt, after: count() };
}

/** The targets every fan-out has: its time within `limit` × the floor of `people` DMs, nobody lost, nobody twice. */
export const fanoutTargets = (
  people: number,
  run: { seconds: number; lost: number; duplicates: number },
  limit: number,
) => [
  target(
    `fan-out time / floor (${people} / ${WORKSPACE_PER_SECOND} s)`,
    run.seconds / (people / WORKSPACE_PER_SECOND),
    '<=',
    limit,
    '×',
  ),
  target('people without their copy', run.lost, '<=', 0),
  target('people with two copies or more', run.duplicates, '<=', 0),
];
