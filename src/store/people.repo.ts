import { z } from 'zod';
import { LOCALES } from '../core/i18n/index.js';
import type { PeopleStore } from '../core/ports.js';
import { ROLES, type RoleGrant } from '../core/roster/types.js';
import type { Keys } from './keys.js';
import type { PersonalDataSource } from './personal-data.js';
import { type RedisClient, scanKeys } from './redis.js';

const LocaleSchema = z.enum(LOCALES);
const RoleSchema = z.enum(ROLES);
// One hash field per grant (`grant:<role>:<défi>`), so granting and revoking are single atomic commands.
const GRANT = 'grant:';
const grantField = (grant: RoleGrant) => `${GRANT}${grant.role}:${grant.defiId ?? ''}`;

function parseGrant(field: string): RoleGrant {
  const [role, defiId] = field.slice(GRANT.length).split(':');
  return { role: RoleSchema.parse(role), ...(defiId ? { defiId } : {}) };
}

/** Roles given in chat and language preferences, one Redis hash per person. */
export function createPeopleRepo(redis: RedisClient, keys: Keys): PeopleStore & PersonalDataSource {
  const grants = async (email: string) =>
    (await redis.hkeys(keys.person(email)))
      .filter((f) => f.startsWith(GRANT))
      .sort()
      .map(parseGrant);
  const locale = async (email: string) => {
    const raw = await redis.hget(keys.person(email), 'locale');
    return raw === null ? undefined : LocaleSchema.parse(raw);
  };
  return {
    name: 'people',
    async profile(email) {
      const hash = await redis.hgetall(keys.person(email));
      const fields = Object.keys(hash);
      return {
        grants: fields.filter((f) => f.startsWith(GRANT)).map(parseGrant),
        locale: hash.locale === undefined ? undefined : LocaleSchema.parse(hash.locale),
      };
    },
    grants,
    locale,
    async grant(email, grant) {
      await redis.hset(keys.person(email), grantField(grant), '1');
    },
    async revoke(email, role) {
      const fields = (await grants(email)).filter((g) => g.role === role).map(grantField);
      return fields.length > 0 && (await redis.hdel(keys.person(email), ...fields)) > 0;
    },
    async granted() {
      // Read from the people's own hashes (a community is hundreds of people): no index to keep in step with them.
      const pattern = keys.person('*');
      const emails: string[] = [];
      for await (const batch of scanKeys(redis, pattern, 500))
        for (const key of batch) emails.push(key.slice(pattern.length - 1));
      emails.sort();
      const lists = await Promise.all(emails.map(grants));
      return new Map(emails.flatMap((email, i) => (lists[i]?.length ? [[email, lists[i]]] : [])));
    },
    async setLocale(email, value) {
      await redis.hset(keys.person(email), 'locale', value);
    },
    async export(email) {
      return { grants: await grants(email), locale: (await locale(email)) ?? null };
    },
    async erase(email) {
      await redis.del(keys.person(email));
    },
  };
}
