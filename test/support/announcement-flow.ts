import { expect } from 'vitest';
import type { FormOutcome, Reply } from '../../src/core/handler.js';
import { type Block, toPlainText } from '../../src/core/message.js';
import { type announcementCommunity, COORDINATOR } from './announcement-community.js';
import { type RunningCohorte, startCohorte } from './cohorte.js';
import { startSlackDouble } from './slack-double.js';

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
 * own child processes.
 */
export async function startWebOnSlackDouble(
  community: ReturnType<typeof announcementCommunity>,
  name: string,
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
    env: { ROLE: 'web' },
  });
  return { slack, web };
}
