import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { EXTRA_REQUIRED, type MethodArgs } from './slack-double-methods.js';

/** Slack's OpenAPI subset, read to learn each method's required parameters. */
const SPEC_URL = new URL('../fixtures/slack/slack_web_api_subset.json', import.meta.url);
// Lenient on purpose: only the parameter names and `required` flags matter here.
const SpecSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        parameters: z.array(z.object({ name: z.string(), required: z.boolean().optional() })).optional(),
      }),
    ),
  ),
});

// JSON values that form bodies carry as strings (WebClient serialises every object that way).
const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

let requiredCache: Promise<Map<string, string[]>> | undefined;

/** Required parameters (token aside) per method, from Slack's OpenAPI subset plus {@link EXTRA_REQUIRED}. */
export function loadRequired(): Promise<Map<string, string[]>> {
  requiredCache ??= readFile(SPEC_URL, 'utf8').then((text) => {
    const spec = SpecSchema.parse(JSON.parse(text));
    const required = new Map<string, string[]>(Object.entries(EXTRA_REQUIRED));
    for (const [path, operations] of Object.entries(spec.paths)) {
      const names = Object.values(operations).flatMap((operation) =>
        (operation.parameters ?? []).filter((p) => p.required && p.name !== 'token').map((p) => p.name),
      );
      const method = path.replace(/^\//, '');
      required.set(method, [...new Set([...(required.get(method) ?? []), ...names])]);
    }
    return required;
  });
  return requiredCache;
}

/** The whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The request's media type, lower-cased, without parameters (`application/json`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Decoded arguments and the form-field token, or the error Slack answers for an unreadable body. */
export type Parsed = { args: MethodArgs; formToken: string | undefined } | { error: string };

/**
 * Decodes query, then url-encoded, multipart or JSON body arguments as Slack reads them; removes `token`
 * (returned as `formToken` unless the body is JSON) and JSON-decodes `blocks`, `attachments`, `metadata`, `view`
 * and `files` when they arrive as strings.
 */
export async function parseArgs(req: IncomingMessage, raw: Buffer, query: URLSearchParams): Promise<Parsed> {
  const args: MethodArgs = Object.fromEntries(query);
  const type = mediaType(req);
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      return { error: 'invalid_json' };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'json_not_object' };
    Object.assign(args, body);
  } else if (type === 'multipart/form-data') {
    const form = await new Response(raw, { headers: { 'content-type': String(req.headers['content-type']) } })
      .formData()
      .catch(() => undefined);
    if (!form) return { error: 'invalid_form_data' };
    for (const [key, value] of form) args[key] = typeof value === 'string' ? value : await value.text();
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }
  // Slack reads the token from a form field too, never from a JSON body.
  const formToken = type !== 'application/json' && typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  for (const key of JSON_ARGS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Left as a string: the method answers the way Slack does for a malformed value.
    }
  }
  return { args, formToken };
}

/** The token of an `Authorization: Bearer` header. */
export function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Writes a JSON answer. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Timestamps of accepted posts inside a sliding window (one second unless told). */
export class SlidingWindow {
  private readonly stamps = new Map<string, number[]>();

  /** Seconds to wait before `key` may post again under `limit` per `windowMs`, or 0 when it may post now. */
  retryAfter(key: string, limit: number | undefined, now: number, windowMs = 1000): number {
    if (limit === undefined) return 0;
    const recent = (this.stamps.get(key) ?? []).filter((stamp) => stamp > now - windowMs);
    this.stamps.set(key, recent);
    const oldest = recent[recent.length - limit];
    return recent.length >= limit && oldest !== undefined
      ? Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))
      : 0;
  }

  /** Counts an accepted post for `key` at `now`. */
  record(key: string, now: number): void {
    this.stamps.set(key, [...(this.stamps.get(key) ?? []), now]);
  }
}
