import { expect } from 'vitest';
import type { MattermostDoubleUser } from './mattermost-double.js';
import { click, type MattermostE2e } from './mattermost-e2e.js';
import { asSlackMarkers, type MattermostButton, shownMm } from './mattermost-shown.js';
import { waitFor } from './wait.js';

/** What a click gave on Mattermost: the server's answer to the click, then what the person saw, in Slack's markers. */
export interface MattermostClicked {
  /** 200, or the server's error status: the person then sees a generic error, and `text` is empty. */
  status: number;
  /** How long the bot took to acknowledge. */
  ms: number;
  text: string;
  /** Whether the answer replaced the clicked post (the acknowledgement's `update`, applied by the server). */
  replaced: boolean;
}

/**
 * Clicks as `user` through the double, which handles the click as the server does, and reads the answer as the
 * person sees it: the clicked post as the server updated it, or else the next ephemeral post shown to that person
 * (in `channel` when given). Without `postId`, the button is on an ephemeral post (a command's answer);
 * `context` replaces the button's own: one Cohorte no longer accepts (altered, or signed with a former token).
 */
export async function clickAndRead(
  e2e: MattermostE2e,
  user: MattermostDoubleUser,
  button: MattermostButton,
  options: { channel?: string; postId?: string; context?: Record<string, unknown> } = {},
): Promise<MattermostClicked> {
  const before = e2e.double.ephemerals().length;
  const clicked = await click(e2e, user, button, options);
  const { status, ms } = clicked;
  if (status !== 200) return { status, ms, text: '', replaced: false };
  const updated = e2e.double.posts().find((p) => p.id === clicked.updated);
  if (updated) return { status, ms, text: asSlackMarkers(shownMm(updated)), replaced: true };
  await waitFor(() => e2e.double.ephemerals().length > before, 8000, `a reply to ${user.username}'s click`);
  const reply = e2e.double.ephemerals()[before];
  expect(reply?.user_id).toBe(user.id);
  if (options.channel) expect(reply?.post.channel_id).toBe(options.channel);
  return { status, ms, text: asSlackMarkers(shownMm(reply?.post)), replaced: false };
}
