import { z } from 'zod';
import type { WebSession, WebSessionStore } from '../core/ports.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import type { RedisClient } from './redis.js';

const LinkSchema = z.object({ email: z.string(), page: z.enum(['moi', 'tableau', 'bulles']) });
const SessionSchema = z.object({ email: z.string(), csrf: z.string(), createdAt: z.string() });

/**
 * Page links and sessions in Redis. A link's record is deleted when used; a session is one JSON value per session (its key hashes the id, so a key listing gives no cookie),
 * and per person the set of their session ids, so `/cohorte oublier` ends every open session.
 */
export function createWebSessionRepo(redis: RedisClient, keys: Keys): WebSessionStore & PersonalDataSource {
  const get = async (id: string): Promise<WebSession | undefined> => {
    const raw = await redis.get(keys.web.session(id));
    return raw === null ? undefined : SessionSchema.parse(JSON.parse(raw));
  };
  return {
    name: 'pages',
    async saveLink(nonce, link, ttlMs) {
      await redis.set(keys.web.link(nonce), JSON.stringify(link), 'PX', ttlMs);
    },
    async takeLink(nonce) {
      // GETDEL: of two requests racing with the same link, exactly one gets it.
      const raw = await redis.getdel(keys.web.link(nonce));
      return raw === null ? undefined : LinkSchema.parse(JSON.parse(raw));
    },
    async open(id, session, ttlMs) {
      await redis
        .multi()
        .set(keys.web.session(id), JSON.stringify(session), 'PX', ttlMs)
        .sadd(keys.web.sessionsOf(session.email), id)
        .pexpire(keys.web.sessionsOf(session.email), ttlMs)
        .exec();
    },
    get,
    async close(id) {
      const session = await get(id);
      await redis.del(keys.web.session(id));
      if (session) await redis.srem(keys.web.sessionsOf(session.email), id);
    },
    async export(email) {
      return { openSessions: await redis.scard(keys.web.sessionsOf(email)) };
    },
    async erase(email) {
      const ids = await redis.smembers(keys.web.sessionsOf(email));
      await redis.del(...ids.map((id) => keys.web.session(id)), keys.web.sessionsOf(email));
    },
  };
}
