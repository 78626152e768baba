import { z } from 'zod';
import { cachedDirectory } from '../../core/cached-directory.js';
import type { Directory, IdentityCache } from '../../core/ports.js';
import { MattermostApiError, type MattermostClient } from './mattermost-client.js';

const UserSchema = z.looseObject({
  id: z.string().min(1),
  email: z.string().default(''),
  delete_at: z.number().default(0),
});

/** Undefined for an account Mattermost does not know (404), the API's error otherwise. */
async function missing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof MattermostApiError && (error.status === 404 || error.status === 400))
      return undefined;
    throw error;
  }
}

/**
 * Why an e-mail has no Mattermost account to write to, for a delivery report: a deactivated account
 * (`user_disabled`) or nobody (`user_not_found`). Asked only after a delivery found no one, so not cached.
 */
export async function unreachableReason(client: MattermostClient, email: string): Promise<string> {
  const found = await missing(client.get(`/users/email/${encodeURIComponent(email)}`, UserSchema));
  return found && found.delete_at > 0 ? 'user_disabled' : 'user_not_found';
}

/**
 * People by e-mail on Mattermost (`/users/{id}`, `/users/email/{email}`), each answer cached so the server is
 * asked once. The bot sees e-mails only when the server shows them (`ShowEmailAddress`) or the bot is an admin.
 */
export function createMattermostDirectory(client: MattermostClient, cache: IdentityCache): Directory {
  return cachedDirectory(
    'mattermost',
    {
      async emailOf(userId) {
        return (
          (await missing(client.get(`/users/${encodeURIComponent(userId)}`, UserSchema)))?.email || undefined
        );
      },
      async userIdOf(email) {
        const found = await missing(client.get(`/users/email/${encodeURIComponent(email)}`, UserSchema));
        return !found || found.delete_at > 0 ? undefined : found.id;
      },
    },
    cache,
  );
}
