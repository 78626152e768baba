import { z } from 'zod';
import { RateLimitedError, UnavailableError } from '../../core/errors.js';
import type { Pacer } from '../../core/pacer.js';

/**
 * A Matrix error answer other than `M_LIMIT_EXCEEDED` (a {@link RateLimitedError}): `M_FORBIDDEN`,
 * `M_UNKNOWN_TOKEN`, `M_NOT_FOUND`… (the spec's standard error response, `{ errcode, error }`).
 */
export class MatrixApiError extends Error {
  constructor(
    readonly status: number,
    readonly errcode: string,
  ) {
    super(`matrix answered ${status} ${errcode}`);
    this.name = 'MatrixApiError';
  }
}

/** Options of {@link createMatrixClient}. */
export interface MatrixClientOptions {
  /** The homeserver (or Pantalaimon) address, without a trailing slash. */
  url: string;
  accessToken: string;
  /** Spaces the calls (the `/sync` long poll aside: it waits for events) and holds them after a rate limit. */
  pacer: Pacer;
  /** Per-call timeout: a hung call would hold an outbox slot forever. */
  timeoutMs?: number;
}

/** One call: the method, the path under `/_matrix/client/v3`, an optional JSON body. */
export interface MatrixCall {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  body?: unknown;
  /** A file's bytes instead of a JSON body (the media upload). */
  raw?: { contentType: string; data: string };
  /** For the long poll: not paced, its own timeout, and cancellable. */
  longPoll?: { timeoutMs: number; signal: AbortSignal };
}

/** The Client-Server API as the adapter uses it: JSON in and out, every answer parsed by the caller's schema. */
export interface MatrixClient {
  call<T>(call: MatrixCall, schema: z.ZodType<T>): Promise<T>;
}

const ErrorSchema = z.looseObject({
  errcode: z.string().default('M_UNKNOWN'),
  retry_after_ms: z.number().int().nonnegative().optional(),
});

/** Milliseconds from a `Retry-After` header in seconds, when it holds a number. */
const retryAfterHeader = (value: string | null): number | undefined =>
  value !== null && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) * 1000 : undefined;

/**
 * A paced client of the Client-Server API with the bot's access token. Calls start when `pacer` allows (Tchap's
 * bot guide asks for about one per second for the account, shared by every process in Redis). `M_LIMIT_EXCEEDED`
 * becomes a {@link RateLimitedError} after `retry_after_ms` (or the `Retry-After` header, which the spec now
 * prefers) and holds every later call until then; a network failure or a 5xx becomes {@link UnavailableError}; any other error
 * answer a {@link MatrixApiError}. Nothing is retried here: the outbox and the sync loop retry.
 */
export function createMatrixClient(options: MatrixClientOptions): MatrixClient {
  const { pacer } = options;

  return {
    async call({ method, path, body, raw, longPoll }, schema) {
      if (!longPoll) await pacer.slot();
      const timeout = AbortSignal.timeout(longPoll?.timeoutMs ?? options.timeoutMs ?? 10_000);
      let res: Response;
      try {
        res = await fetch(
          `${options.url}${path.startsWith('/_matrix/') ? '' : '/_matrix/client/v3'}${path}`,
          {
            method,
            headers: {
              authorization: `Bearer ${options.accessToken}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(raw ? { 'content-type': raw.contentType } : {}),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            ...(raw ? { body: raw.data } : {}),
            signal: longPoll ? AbortSignal.any([timeout, longPoll.signal]) : timeout,
          },
        );
      } catch (error) {
        throw new UnavailableError('Matrix homeserver unreachable', { cause: error });
      }
      const text = await res.text();
      if (res.status >= 500) throw new UnavailableError(`Matrix homeserver answered ${res.status}`);
      const json: unknown = text ? safeJson(text) : {};
      if (res.ok) return schema.parse(json);
      const error = ErrorSchema.safeParse(json);
      const errcode = error.success ? error.data.errcode : 'M_UNKNOWN';
      if (res.status === 429 || errcode === 'M_LIMIT_EXCEEDED') {
        const wait =
          retryAfterHeader(res.headers.get('retry-after')) ??
          (error.success ? error.data.retry_after_ms : undefined) ??
          1000;
        const ms = Math.max(wait, 100);
        await pacer.holdFor(ms);
        throw new RateLimitedError(ms);
      }
      throw new MatrixApiError(res.status, errcode);
    },
  };
}

/**
 * Runs `call` again after `M_LIMIT_EXCEEDED`, up to `attempts` times in all: for calls no queue retries (the boot,
 * a reply to a command). The client itself holds the next call until the limit lifts.
 */
export async function waitingOutLimit<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof RateLimitedError) || attempt >= attempts) throw error;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
