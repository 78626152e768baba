import { type DoubleState, type MattermostDoubleUser, newId } from './mattermost-double-api.js';

/** A button as a post carries it: where the server posts a click, and the context it sends along. */
export interface DoubleButton {
  integration: { url: string; context: Record<string, unknown> };
}

/**
 * The post a clicked button is on: one the double stores (by id), or an ephemeral one, which the server never
 * stores: the client then sends the button's cookie (channel, post and root ids, integration), read here from
 * `channel_id` and the ephemeral's id.
 */
export type ClickedPost = { postId: string } | { ephemeral: { id?: string; channel_id: string } };

/** What a click gave: the server's answer to the client, and what the integration answered the server. */
export interface ServerClick {
  /** 200, or the status of the server's error: the person then sees a generic error and nothing else. */
  status: number;
  error?: string;
  integration: { status: number; body: string; ms: number };
  /** The post id the server updated with the integration's `update`, if any. */
  updated?: string;
}

const failed = (status: number, error: string, integration: ServerClick['integration']): ServerClick => ({
  status,
  error,
  integration,
});

/**
 * A click as the server handles it (`server/channels/app/integration_action.go`, `DoPostActionWithCookie`): it
 * POSTs the documented request fields to the button's URL (`DoActionRequest`: any status but 200 is an error, the
 * body unread), parses a non-empty body as JSON, applies `update` with `UpdatePost`, which reads the post from the
 * database (`app/post.go`: an ephemeral post is not there, 404 `app.post.get.app_error`, and nothing else
 * happens), then shows `ephemeral_text` to the clicker as an ephemeral post under the clicked one.
 */
export async function doPostAction(
  state: DoubleState,
  user: MattermostDoubleUser,
  where: ClickedPost,
  button: DoubleButton,
): Promise<ServerClick> {
  const stored = 'postId' in where ? state.posts.find((p) => p.id === where.postId) : undefined;
  if ('postId' in where && !stored)
    return failed(404, 'app.post.get.app_error', { status: 0, body: '', ms: 0 });
  const postId = stored?.id ?? ('ephemeral' in where ? (where.ephemeral.id ?? newId()) : '');
  const channelId = stored?.channel_id ?? ('ephemeral' in where ? where.ephemeral.channel_id : '');
  const channel = state.channels.get(channelId);
  const inTeam = channel?.type === 'O';
  const request = {
    user_id: user.id,
    user_name: user.username,
    channel_id: channelId,
    channel_name: channel?.name ?? '',
    team_id: inTeam ? state.team.id : '',
    team_domain: inTeam ? state.team.name : '',
    post_id: postId,
    trigger_id: `trigger-${newId()}`,
    type: 'button',
    data_source: '',
    context: button.integration.context,
  };
  const started = Date.now();
  const res = await fetch(button.integration.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  const integration = { status: res.status, body, ms: Date.now() - started };
  if (res.status !== 200) return failed(400, 'api.post.do_action.action_integration.app_error', integration);
  let response: { update?: Record<string, unknown> | null; ephemeral_text?: string };
  try {
    response = body.length ? JSON.parse(body) : {};
  } catch {
    return failed(400, 'api.post.do_action.action_integration.app_error', integration);
  }
  let updated: string | undefined;
  if (response.update) {
    if (!stored) return failed(404, 'app.post.get.app_error', integration);
    if (typeof response.update.message === 'string') stored.message = response.update.message;
    // No props in the update: the original ones are kept.
    if (response.update.props) stored.props = response.update.props as Record<string, unknown>;
    stored.edits += 1;
    updated = stored.id;
  }
  if (response.ephemeral_text) {
    const rootId = stored ? stored.root_id || stored.id : postId;
    state.ephemerals.push({
      user_id: user.id,
      post: { id: newId(), channel_id: channelId, root_id: rootId, message: response.ephemeral_text },
    });
  }
  return { status: 200, integration, ...(updated ? { updated } : {}) };
}
