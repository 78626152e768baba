import { expect } from 'vitest';
import type { FormOutcome, Reply } from '../../src/core/handler.js';
import { type Block, toPlainText } from '../../src/core/message.js';
import { type announcementCommunity, COORDINATOR } from './announcement-community.js';
import { type RunningCohorte, startCohorte } from './cohorte.js';
import { type SlackDouble, startSlackDouble } from './slack-double.js';
import { waitFor } from './wait.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';

/** The coordinator, as Slack names them to the bot. */
export const coordinator = { platform: 'slack' as const, id: COORDINATOR.id };

/** Everything a reply shows, as plain text. */
export const textOf = (reply: Reply | FormOutcome): string =>
  'message' in reply
    ? reply.message.blocks
        .map((b: Block) => ('text' in b && Array.isArray(b.text) ? toPlainText(b.text) : ''))
        .join('\n')
    : JSON.stringify(reply);

/** The value of the preview's button labelled `label`. */
export function buttonValue(reply: Reply | FormOutcome, label: string): string {
  if (!('message' in reply)) throw new Error(`not a message: ${JSON.stringify(reply)}`);
  const buttons = reply.message.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
  const found = buttons.find((b) => toPlainText(b.label) === label);
  if (!found) throw new Error(`no button ${label}`);
  return found.value;
}

/** Fills the announcement form as the coordinator, checks a preview came back, and clicks Envoyer. */
export async function postAnnouncement(
  bot: RunningCohorte,
  values: { text: string; audience: string; mode: string; when?: string },
): Promise<{ id: string; preview: string; confirmation: string }> {
  const { router } = bot.cohorte;
  const preview = await router.form({
    user: coordinator,
    formId: 'annonce',
    values: { when: '', ...values },
    context: '',
  });
  expect(textOf(preview)).toContain('Aperçu');
  const value = buttonValue(preview, 'Envoyer');
  const confirmation = await router.action({ user: coordinator, actionId: 'annonce', value, channel: 'D0' });
  return { id: value.slice('send:'.length), preview: textOf(preview), confirmation: textOf(confirmation) };
}

/**
 * The Slack double the fan-out crash tests share (1 post/s per channel, 20/s in all, 40 ms answers, so kills often
 * land after Slack posted and before the worker heard it) and a web-only Cohorte on it: the workers are the test's
 * own child processes. `redis` points it elsewhere than the shared Redis (`env`: sentinels; `url`: for the cleanup).
 */
export async function startWebOnSlackDouble(
  community: ReturnType<typeof announcementCommunity>,
  name: string,
  redis: { env?: Record<string, string>; url?: string } = {},
) {
  const slack = await startSlackDouble({
    users: community.users,
    limits: { perChannelPerSecond: 1, workspacePerSecond: 20 },
    latencyMs: 40,
  });
  const web = await startCohorte({
    name,
    slackApiUrl: slack.url,
    communityFile: community.file,
    env: { ROLE: 'web', ...redis.env },
    ...(redis.url ? { redisUrl: redis.url } : {}),
  });
  return { slack, web };
}

/**
 * {@link startWebOnSlackDouble} plus `count` worker processes on the same Redis (`redis.env` given to them too,
 * with `workerEnv`), and one `stop()` for all of them: workers killed, web stopped, double closed.
 */
export async function startFanOut(
  community: ReturnType<typeof announcementCommunity>,
  name: string,
  options: {
    workers: number;
    redis?: { env?: Record<string, string>; url?: string };
    workerEnv?: Record<string, string>;
  },
) {
  const { slack, web } = await startWebOnSlackDouble(community, name, options.redis);
  const workers: WorkerProcess[] = [];
  const stop = async () => {
    for (const worker of workers) await worker.kill();
    await web.stop();
    await slack.close();
  };
  try {
    for (let i = 0; i < options.workers; i++)
      workers.push(
        await startWorkerProcess({
          prefix: web.prefix,
          communityFile: community.file,
          slackApiUrl: slack.url,
          env: { ...options.redis?.env, ...options.workerEnv },
        }),
      );
  } catch (error) {
    await stop();
    throw error;
  }
  return { slack, web, workers, stop };
}

/** The author's (Claire's) last status message of an announcement, on the Slack double. */
const lastStatus = (slack: SlackDouble) => slack.messages('DU0CLAIRE').at(-1)?.text ?? '';

/**
 * Waits up to `timeoutMs` for the author's final report of announcement `id`, then checks what people saw: each of
 * the `count` EIG has exactly one copy, and the report says they all received it.
 */
export async function expectOneCopyEach(slack: SlackDouble, id: string, count: number, timeoutMs: number) {
  await waitFor(() => lastStatus(slack).includes(`Annonce \`${id}\` envoyée`), timeoutMs, 'the final report');
  const counts = Array.from({ length: count }, (_, i) => slack.messages(`DU${i}`).length);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
  expect(lastStatus(slack)).toContain(`${count} / ${count} reçues, 0 échecs`);
}
