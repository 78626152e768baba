/**
 * Announcements under crashes: one announcement DM'd to 400 people (Slack's 8 posts per second per workspace, 1 per
 * channel, in the double: 50 s at best) by two worker processes (`src/main.ts`, ROLE=worker), ten of which are
 * SIGKILLed along the way, each replaced at once by a fresh one. Targets: within 1.3 × the floor, nobody without
 * their copy, nobody with two, and the author's status message never frozen more than 10 s (the longest gap between
 * two updates of it the double accepted, from the click to the final report).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { announcementCommunity, COORDINATOR } from '../test/support/announcement-community.js';
import { postAnnouncement } from '../test/support/announcement-flow.js';
import type { SlackDouble } from '../test/support/slack-double.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';
import { fanoutTargets, startFanout, tally, WORKSPACE_PER_SECOND } from './support/announcement.js';
import { type BenchReport, fixed, target } from './support/report.js';

const PEOPLE = 400;
const FLOOR_S = PEOPLE / WORKSPACE_PER_SECOND;
const KILLS = 10;
/** First kill this long after the click, then one every `KILL_EVERY_MS`: all ten land before the floor. */
const FIRST_KILL_MS = 3_000;
const KILL_EVERY_MS = 4_500;
const STATUS_CHANNEL = `D${COORDINATOR.id}`;

/** When the double accepted each version of the author's status message (its post, then its edits), oldest first. */
function statusTimes(slack: SlackDouble): { at: number; text: string }[] {
  return slack.calls
    .filter(
      (c) =>
        (c.method === 'chat.postMessage' || c.method === 'chat.update') &&
        c.args.channel === STATUS_CHANNEL &&
        c.status === 200,
    )
    .map((c) => ({ at: c.at, text: String(c.args.text ?? '') }));
}

async function killedRun() {
  const community = announcementCommunity(PEOPLE, 'bench-kills');
  const { slack, web } = await startFanout(community, 'bench-kills');
  const live: WorkerProcess[] = [];
  const starting: Promise<unknown>[] = [];
  const startWorker = () =>
    startWorkerProcess({
      prefix: web.prefix,
      communityFile: community.file,
      slackApiUrl: slack.url,
      env: { OUTBOX_WORKSPACE_PER_SECOND: String(WORKSPACE_PER_SECOND) },
    }).then((w) => live.push(w));
  try {
    await Promise.all([startWorker(), startWorker()]);
    const started = Date.now();
    const { id } = await postAnnouncement(web, {
      text: 'Appel à projets *ouvert*',
      audience: 'eig9',
      mode: 'dms',
    });
    const done = `Annonce \`${id}\` envoyée`;
    const reported = () => statusTimes(slack).some((s) => s.text.includes(done));
    const kills: number[] = [];
    for (let k = 0; k < KILLS && !reported(); k++) {
      await sleep(Math.max(0, started + FIRST_KILL_MS + k * KILL_EVERY_MS - Date.now()));
      // The oldest live worker dies; a fresh one starts at once (it takes a few seconds to boot).
      while (live.length < 2) await sleep(100);
      await live.shift()?.kill();
      kills.push((Date.now() - started) / 1000);
      starting.push(startWorker());
    }
    const deadline = started + 3 * FLOOR_S * 1000;
    while (!reported() && Date.now() < deadline) await sleep(200);
    await sleep(3_000);
    const counts = tally(slack, PEOPLE);
    const times = statusTimes(slack);
    const last = times.find((s) => s.text.includes(done))?.at ?? Date.now();
    // The end counts: a status message that never reached its final report was frozen until then.
    const moments = [started, ...times.map((s) => s.at).filter((at) => at <= last), last];
    const gaps = moments.slice(1).map((at, i) => (at - (moments[i] ?? at)) / 1000);
    return {
      seconds: (counts.lastAt - started) / 1000,
      reportS: (last - started) / 1000,
      ...counts,
      kills,
      updates: moments.length - 2,
      longestGapS: Math.max(...gaps),
    };
  } finally {
    await Promise.allSettled(starting);
    for (const worker of live) await worker.kill();
    await web.stop();
    await slack.close();
  }
}

export async function run(): Promise<BenchReport> {
  process.stderr.write(`  ${PEOPLE} DMs (about ${FLOOR_S} s), ${KILLS} workers SIGKILLed…\n`);
  const r = await killedRun();
  return {
    title: `Announcement DM'd to ${PEOPLE} people with ${KILLS} workers SIGKILLed (${WORKSPACE_PER_SECOND}/s per workspace)`,
    tables: [
      {
        title: 'Run',
        columns: [
          'copies done (s)',
          'final report (s)',
          '429 answered',
          'lost',
          'duplicates',
          'status updates',
          'longest status gap (s)',
        ],
        rows: [
          [
            fixed(r.seconds, 1),
            fixed(r.reportS, 1),
            String(r.limited),
            String(r.lost),
            String(r.duplicates),
            String(r.updates),
            fixed(r.longestGapS, 1),
          ],
        ],
      },
    ],
    targets: [
      ...fanoutTargets(PEOPLE, r, 1.3),
      target('longest freeze of the status message', r.longestGapS, '<=', 10, 's'),
    ],
    notes: [
      `kills at ${r.kills.map((s) => fixed(s, 1)).join(', ')} s after the click (${r.kills.length} in all)`,
      `floor ${FLOOR_S} s; the outbox books posts 10% under the cap, so ~${fixed(FLOOR_S * 1.1, 0)} s is its own floor`,
    ],
  };
}
