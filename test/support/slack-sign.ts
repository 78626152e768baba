import { createHmac } from 'node:crypto';

/** Signs a body exactly as Slack does: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a raw body to the receiver with Slack's headers; `headers` overrides or removes (`undefined`) any of them. */
export async function postSigned(
  url: string,
  body: string,
  options: {
    secret: string;
    contentType?: string;
    timestamp?: number;
    headers?: Record<string, string | undefined>;
  },
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const base: Record<string, string | undefined> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret, timestamp, body),
    ...options.headers,
  };
  const headers = Object.fromEntries(
    Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return fetch(url, { method: 'POST', headers, body });
}

/** A slash-command form body as Slack sends it (field order and names from the recorded fixtures). */
export function slashCommandBody(fields: {
  command: string;
  text: string;
  userId: string;
  responseUrl?: string;
}) {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T0001',
    team_domain: 'eig',
    channel_id: 'C0COMMUNITY',
    channel_name: 'eig-communaute',
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0001',
    response_url: fields.responseUrl ?? 'https://hooks.slack.com/commands/T0001/1/abc',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}
