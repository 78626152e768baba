import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signs and verifies what Cohorte hands Mattermost to send back (button contexts, dialog state): Mattermost does
 * not sign them, and its requests carry no secret. The key is derived from the bot token, so no extra secret is
 * needed and rotating the token invalidates every outstanding button.
 */
export interface Signer {
  /** A signature of the parts, in order. */
  sign(parts: readonly string[]): string;
  /** True when `signature` is the signature of the parts (compared in constant time). */
  verify(parts: readonly string[], signature: unknown): boolean;
}

/** A signer whose HMAC-SHA256 key is derived (HKDF) from `secret`. */
export function createSigner(secret: string): Signer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'cohorte', 'mattermost-integration-context', 32));
  const sign = (parts: readonly string[]) =>
    createHmac('sha256', key).update(JSON.stringify(parts)).digest('base64url');
  return {
    sign,
    verify(parts, signature) {
      if (typeof signature !== 'string') return false;
      return safeEqual(sign(parts), signature);
    },
  };
}

/** Compares two secrets in constant time, whatever their lengths (digests have equal lengths). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHmac('sha256', 'compare').update(text).digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}
