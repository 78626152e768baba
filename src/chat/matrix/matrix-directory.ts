import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { cachedDirectory } from '../../core/cached-directory.js';
import { createPacer } from '../../core/pacer.js';
import type { Directory, IdentityCache } from '../../core/ports.js';
import { normalizeEmail } from '../../core/roster/roster.js';
import { singleFlight } from '../../core/single-flight.js';
import { createMatrixClient, type MatrixClient } from './matrix-client.js';

const OpenIdSchema = z.looseObject({
  access_token: z.string(),
  token_type: z.string(),
  matrix_server_name: z.string(),
  expires_in: z.number(),
});
const RegisterSchema = z.looseObject({ token: z.string().min(1) });
const HashDetailsSchema = z.looseObject({ algorithms: z.array(z.string()), lookup_pepper: z.string() });
const LookupSchema = z.looseObject({ mappings: z.record(z.string(), z.string()).default({}) });
/**
 * An account the identity server did not name is taken as unknown for this long: each of its messages would
 * otherwise hash and look up the whole community again. Short, so a fiche or a Tchap address fixed by the
 * coordination is seen within minutes.
 */
const UNKNOWN_TTL_MS = 5 * 60_000;

/** What the Matrix directory knows before asking anyone. */
export interface MatrixDirectoryOptions {
  client: MatrixClient;
  botId: string;
  cache: IdentityCache;
  /** Every e-mail of the community file, with the `matrix:` id written there when there is one. */
  people: readonly { email: string; matrix?: string | undefined }[];
  /** An identity server for the hashed lookup (v2); without it, only the file's `matrix:` ids are known. */
  identityServerUrl?: string | undefined;
  /** Calls per second to the identity server. */
  requestsPerSecond: number;
}

/**
 * The identity service's hashed lookup (v2, `sha256`): `<address> email <pepper>` hashed, URL-safe unpadded
 * base64. The bot gets its identity-server token once: an OpenID token from its homeserver, registered at
 * `/_matrix/identity/v2/account/register`.
 */
function identityLookup(options: MatrixDirectoryOptions & { identityServerUrl: string }) {
  let session: Promise<MatrixClient> | undefined;
  const open = async (): Promise<MatrixClient> => {
    const openId = await options.client.call(
      { method: 'POST', path: `/user/${encodeURIComponent(options.botId)}/openid/request_token`, body: {} },
      OpenIdSchema,
    );
    // The identity server is another server, with limits of its own: paced apart from the homeserver.
    const pacer = createPacer(options.requestsPerSecond, sleep);
    const anonymous = createMatrixClient({ url: options.identityServerUrl, accessToken: '', pacer });
    const { token } = await anonymous.call(
      { method: 'POST', path: '/_matrix/identity/v2/account/register', body: openId },
      RegisterSchema,
    );
    return createMatrixClient({ url: options.identityServerUrl, accessToken: token, pacer });
  };
  /** E-mail → Matrix id, for those the identity server knows. */
  return async (emails: readonly string[]): Promise<Map<string, string>> => {
    session ??= open().catch((error: unknown) => {
      session = undefined;
      throw error;
    });
    const identity = await session;
    const details = await identity.call(
      { method: 'GET', path: '/_matrix/identity/v2/hash_details' },
      HashDetailsSchema,
    );
    const pepper = details.lookup_pepper;
    const hashOf = new Map(
      emails.map((email) => [
        createHash('sha256').update(`${email} email ${pepper}`).digest('base64url'),
        email,
      ]),
    );
    const { mappings } = await identity.call(
      {
        method: 'POST',
        path: '/_matrix/identity/v2/lookup',
        body: { algorithm: 'sha256', pepper, addresses: [...hashOf.keys()] },
      },
      LookupSchema,
    );
    const found = new Map<string, string>();
    for (const [hash, userId] of Object.entries(mappings)) {
      const email = hashOf.get(hash);
      if (email) found.set(email, userId);
    }
    return found;
  };
}

/**
 * People by e-mail on Matrix. A Matrix account does not show its e-mail, so the bot asks the other way round: the
 * identity server is asked for every e-mail of the community in one hashed lookup, and each answer cached (the
 * sender of a message is then one of them, or nobody the bot can name, which is remembered for a few minutes). Without an identity server, the file's
 * `matrix:` ids are the directory. A Tchap id may carry a suffix after a re-created account: it is never guessed.
 */
export function createMatrixDirectory(options: MatrixDirectoryOptions): Directory {
  const written = new Map(
    options.people.flatMap((p) => (p.matrix ? [[normalizeEmail(p.email), p.matrix] as const] : [])),
  );
  const byUser = new Map([...written].map(([email, id]) => [id, email]));
  const emails = [...new Set(options.people.map((p) => normalizeEmail(p.email)))];
  const url = options.identityServerUrl;
  const lookup = url ? identityLookup({ ...options, identityServerUrl: url }) : undefined;
  const asking = singleFlight<string | undefined>();
  const unknownUntil = new Map<string, number>();
  const rememberUnknown = (userId: string) => {
    const now = Date.now();
    // Expired entries go as new ones come: a stream of unknown accounts cannot grow the map for good.
    for (const [id, until] of unknownUntil) if (until <= now) unknownUntil.delete(id);
    unknownUntil.set(userId, now + UNKNOWN_TTL_MS);
  };
  return cachedDirectory(
    'matrix',
    {
      async emailOf(userId) {
        const fromFile = byUser.get(userId);
        if (fromFile || !lookup) return fromFile;
        if ((unknownUntil.get(userId) ?? 0) > Date.now()) return undefined;
        return asking(userId, async () => {
          const found = await lookup(emails);
          let mine: string | undefined;
          for (const [email, id] of found) {
            if (id === userId) mine = email;
            else await options.cache.remember({ platform: 'matrix', id }, email);
          }
          if (!mine) rememberUnknown(userId);
          return mine;
        });
      },
      async userIdOf(email) {
        const fromFile = written.get(email);
        if (fromFile || !lookup) return fromFile;
        return (await lookup([email])).get(email);
      },
    },
    options.cache,
  );
}
