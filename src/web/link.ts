import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PAGE_LINK_TTL_MS, type PageLinks, type PageName, type WebSessionStore } from '../core/ports.js';

/** The path a personal link opens. */
export const ENTER_PATH = '/entrer';

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`cohorte-page-link\n${payload}`).digest('base64url');

/**
 * Issues personal links: `PUBLIC_URL/entrer?jeton=<nonce>.<expiry>.<hmac>`. The nonce is random and its record
 * (whose, which page) stays in Redis, so the address names no one; the HMAC and the expiry make a forged or stale
 * token fail before Redis is read.
 */
export function createPageLinks(deps: {
  secret: string;
  baseUrl: string;
  store: WebSessionStore;
  now: () => Date;
}): PageLinks {
  return {
    async link(email: string, page: PageName) {
      const nonce = randomBytes(18).toString('base64url');
      const payload = `${nonce}.${deps.now().getTime() + PAGE_LINK_TTL_MS}`;
      await deps.store.saveLink(nonce, { email, page }, PAGE_LINK_TTL_MS);
      return `${deps.baseUrl}${ENTER_PATH}?jeton=${payload}.${sign(deps.secret, payload)}`;
    },
  };
}

/** Why a link was refused, for the log (never shown: every refusal gets the same page). */
export type LinkRefusal = 'malformed' | 'forged' | 'expired' | 'used';

/**
 * Checks a link's token: signature (constant time), then expiry on the bot's clock, then takes its record once.
 * Returns what it opens, or why not.
 */
export async function openLink(
  token: string | null,
  deps: { secret: string; store: WebSessionStore; now: () => Date },
): Promise<{ email: string; page: PageName } | { refused: LinkRefusal }> {
  const match = /^([A-Za-z0-9_-]{24})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match) return { refused: 'malformed' };
  const [, nonce = '', expiry = '', signature = ''] = match;
  const expected = Buffer.from(sign(deps.secret, `${nonce}.${expiry}`));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { refused: 'forged' };
  if (Number(expiry) <= deps.now().getTime()) return { refused: 'expired' };
  const link = await deps.store.takeLink(nonce);
  return link ?? { refused: 'used' };
}
