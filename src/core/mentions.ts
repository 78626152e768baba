import type { ChatUser, Platform } from './ids.js';
import type { Directory } from './ports.js';
import { normalizeEmail } from './roster/roster.js';

/**
 * Adapters rewrite every user mention in command text to this neutral token: `<@platformUserId>` (a Matrix id keeps
 * its own `@` and server: `<@@ines:agent.tchap.gouv.fr>`).
 */
const MENTION = /^<@([A-Za-z0-9._=/+:@-]+)>$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * The e-mail behind a word typed to designate someone: a mention or an e-mail address.
 * Undefined when it is neither or when the platform does not know that account.
 */
export async function resolvePersonRef(
  word: string,
  platform: Platform,
  directory: Directory,
): Promise<string | undefined> {
  const mention = MENTION.exec(word);
  if (mention) {
    const user: ChatUser = { platform, id: mention[1] as string };
    const email = await directory.emailOf(user);
    return email ? normalizeEmail(email) : undefined;
  }
  return EMAIL.test(word) ? normalizeEmail(word) : undefined;
}
