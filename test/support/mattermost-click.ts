import { expect } from 'vitest';
import type { MattermostDoubleUser } from './mattermost-double.js';
import { click, type MattermostE2e } from './mattermost-e2e.js';
import { asSlackMarkers, type MattermostButton, shownMm } from './mattermost-shown.js';
import { waitFor } from './wait.js';

/** What a click gave on Mattermost: the acknowledgement, then what the person saw, in Slack's markers. */
export interface MattermostClicked {
  status: number;
  ms: number;
  text: string;
  /** Whether the answer replaced the clicked post (the acknowledgement's `update`). */
  replaced: boolean;
}

/**
 * Clicks as `user` and reads the answer as the person sees it: the post's `update` in the acknowledgement, or else
 * the ephemeral post shown to that person (in `channel` when given).
 */
export async function clickAndRead(
  e2e: MattermostE2e,
  user: MattermostDoubleUser,
  button: MattermostButton,
  options: { channel?: string; postId?: string } = {},
): Promise<MattermostClicked> {
  const before = e2e.double.ephemerals().length;
  const ack = await click(e2e, user, button, options);
  const update = ack.json?.update;
  if (update)
    return { status: ack.status, ms: ack.ms, text: asSlackMarkers(shownMm(update)), replaced: true };
  await waitFor(() => e2e.double.ephemerals().length > before, 8000, `a reply to ${user.username}'s click`);
  const reply = e2e.double.ephemerals()[before];
  expect(reply?.user_id).toBe(user.id);
  if (options.channel) expect(reply?.post.channel_id).toBe(options.channel);
  return { status: ack.status, ms: ack.ms, text: asSlackMarkers(shownMm(reply?.post)), replaced: false };
}
