import type { MessageKey, Params } from './i18n/index.js';

/**
 * A mistake the person can fix. The router turns it into an ephemeral message from the catalog, which must say
 * what to type instead. Nothing is logged as an error.
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** A dependency (Redis, the chat platform) cannot be reached right now: the person should simply retry. */
export class UnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnavailableError';
  }
}

/** The chat platform asked us to slow down; the outbox retries after `retryAfterMs`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited, retry after ${retryAfterMs} ms`);
    this.name = 'RateLimitedError';
  }
}

/** The platform refused a delivery for good (account deactivated, channel not found): retrying cannot help. */
export class DeliveryRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`delivery refused: ${reason}`);
    this.name = 'DeliveryRefusedError';
  }
}

/** A short reference shown to the person and written in the log line of an unexpected error. */
export function errorRef(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, '0');
}

/**
 * A setting the platform contradicts at start (the access token is another account's): the process stops, its
 * message (in French, starting with the variable's name) saying what to set instead, as a configuration error does.
 */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingError';
  }
}
