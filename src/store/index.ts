import { createAnnouncementRepo } from './announcement.repo.js';
import { createBulleRepo } from './bulle.repo.js';
import { createChatStateRepo } from './chat-state.repo.js';
import { createChatStatePersonalData } from './chat-state-personal.js';
import { createCommandTokensRepo } from './command-tokens.repo.js';
import { createIdentityRepo } from './identity.repo.js';
import { createKeys } from './keys.js';
import { createPeopleRepo } from './people.repo.js';
import type { RedisClient } from './redis.js';
import { createRitualRepo } from './ritual.repo.js';
import { createSessionsRepo } from './sessions.repo.js';
import { createStandupRepo } from './standup.repo.js';
import { createWebSessionRepo } from './web-session.repo.js';

/** Every repository over one connection and prefix. Add a repository here and to `personalSources` if it holds people. */
export function createStores(redis: RedisClient, prefix: string) {
  const keys = createKeys(prefix);
  const people = createPeopleRepo(redis, keys);
  const identities = createIdentityRepo(redis, keys);
  const standups = createStandupRepo(redis, keys);
  const rituals = createRitualRepo(redis, keys);
  const sessions = createSessionsRepo(redis, keys);
  const commandTokens = createCommandTokensRepo(redis, keys);
  const bulle = createBulleRepo(redis, keys);
  const announcements = createAnnouncementRepo(redis, keys);
  const chatState = createChatStateRepo(redis, keys);
  const webSessions = createWebSessionRepo(redis, keys);
  return {
    keys,
    people,
    identities,
    standups,
    rituals,
    sessions,
    commandTokens,
    bulle,
    announcements,
    chatState,
    webSessions,
    // The adapters' state first: it is found through the identities, erased after it.
    personalSources: [
      people,
      createChatStatePersonalData(redis, keys, identities),
      identities,
      standups,
      sessions,
      bulle,
      announcements,
      webSessions,
    ],
  };
}

/** The stores' type. */
export type Stores = ReturnType<typeof createStores>;
