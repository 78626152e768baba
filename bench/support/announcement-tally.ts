import type { SlackDouble } from '../../test/support/slack-double.js';

/** Slack's figures the announcement benchmarks enforce in the double: 1 post/s per channel, 8/s per workspace. */
export const WORKSPACE_PER_SECOND = 8;
export const LIMITS = { perChannelPerSecond: 1, workspacePerSecond: WORKSPACE_PER_SECOND };

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
