import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { RateLimitedError, UnavailableError } from '../../core/errors.js';
import { createPacer } from '../../core/pacer.js';

/** An answer of the Mattermost API other than 2xx (and 429, which is a {@link RateLimitedError}). */
export class MattermostApiError extends Error {
  constructor(
    readonly status: number,
    /** Mattermost's error id (`api.context.permissions.app_error`, …), or '' when the body had none. */
    readonly errorId: string,
  ) {
    super(`mattermost answered ${status} ${errorId}`.trim());
    this.name = 'MattermostApiError';
  }
}

/** Options of {@link createMattermostClient}. */
export interface MattermostClientOptions {
  /** Server address without a trailing slash. */
  url: string;
  token: string;
  /** Requests started per second, at most (the server's own limit, when on, is 10/s per IP). */
  requestsPerSecond: number;
  /** Per-request timeout: a hung call would hold an outbox slot forever. */
  timeoutMs?: number;
}

/** A file to upload: name and UTF-8 content. */
export interface UploadFile {
  name: string;
  content: string;
}

/** The REST API v4 as the adapter uses it: JSON in and out, every answer parsed by the caller's schema. */
export interface MattermostClient {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  put<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  delete<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  /** `POST /api/v4/files` as multipart/form-data; the answer is parsed by `schema`. */
  upload<T>(channelId: string, file: UploadFile, schema: z.ZodType<T>): Promise<T>;
}

/** Seconds from a header, when it holds a non-negative number. */
const seconds = (value: string | null): number | undefined =>
  value !== null && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;

/**
 * A paced client of the REST API v4 with the bot's token. Requests start at most `requestsPerSecond` per second;
 * when `X-RateLimit-Remaining` reaches 0 the next one waits `X-RateLimit-Reset` seconds (seconds from now, not a
 * timestamp); a 429 becomes {@link RateLimitedError} after `Retry-After` (or `X-RateLimit-Reset`), so the queue
 * retries it, and holds every later request until then; a network failure or a 5xx becomes
 * {@link UnavailableError}. Nothing is retried here (see {@link patientClient} for calls no queue retries).
 */
export function createMattermostClient(options: MattermostClientOptions): MattermostClient {
  const pacer = createPacer(options.requestsPerSecond, sleep);

  function observe(res: Response): void {
    if (res.headers.get('x-ratelimit-remaining')?.trim() !== '0') return;
    const reset = seconds(res.headers.get('x-ratelimit-reset')) ?? 1;
    pacer.holdFor(reset * 1000);
  }

  async function request<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    init: RequestInit,
  ): Promise<T> {
    await pacer.slot();
    let res: Response;
    try {
      res = await fetch(`${options.url}/api/v4${path}`, {
        ...init,
        method,
        headers: { authorization: `Bearer ${options.token}`, ...init.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new UnavailableError('Mattermost unreachable', { cause: error });
    }
    observe(res);
    const text = await res.text();
    if (res.status === 429) {
      const wait =
        seconds(res.headers.get('retry-after')) ?? seconds(res.headers.get('x-ratelimit-reset')) ?? 1;
      const ms = Math.max(wait, 0.1) * 1000;
      pacer.holdFor(ms);
      throw new RateLimitedError(ms);
    }
    if (res.status >= 500) throw new UnavailableError(`Mattermost answered ${res.status}`);
    const body: unknown = text ? safeJson(text) : {};
    if (!res.ok) {
      const id = typeof body === 'object' && body !== null && 'id' in body ? String(body.id) : '';
      throw new MattermostApiError(res.status, id);
    }
    return schema.parse(body);
  }

  const json = (body: unknown): RequestInit => ({
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

  return {
    get: (path, schema) => request('GET', path, schema, {}),
    post: (path, body, schema) => request('POST', path, schema, json(body)),
    put: (path, body, schema) => request('PUT', path, schema, json(body)),
    delete: (path, schema) => request('DELETE', path, schema, {}),
    upload(channelId, file, schema) {
      const form = new FormData();
      form.set('channel_id', channelId);
      form.set('files', new Blob([file.content], { type: 'application/octet-stream' }), file.name);
      return request('POST', '/files', schema, { body: form });
    },
  };
}

/**
 * Runs `call` again after a 429, up to `attempts` times in all: for the boot's calls, which no queue retries. The
 * client itself holds the next request until the server's window resets.
 */
export async function waitingOut429<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof RateLimitedError) || attempt >= attempts) throw error;
    }
  }
}

/** The same client, each of whose calls waits out a 429 with {@link waitingOut429}. */
export const patientClient = (client: MattermostClient): MattermostClient => ({
  get: (path, schema) => waitingOut429(() => client.get(path, schema)),
  post: (path, body, schema) => waitingOut429(() => client.post(path, body, schema)),
  put: (path, body, schema) => waitingOut429(() => client.put(path, body, schema)),
  delete: (path, schema) => waitingOut429(() => client.delete(path, schema)),
  upload: (channelId, file, schema) => waitingOut429(() => client.upload(channelId, file, schema)),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
