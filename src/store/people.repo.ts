import { z } from 'zod';
import { LOCALES } from '../core/i18n/index.js';
import type { PeopleStore, Profile } from '../core/ports.js';
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

/** The grants among a person's hash fields, in the fields' order. */
const grantsIn = (fields: string[]): RoleGrant[] => fields.filter((f) => f.startsWith(GRANT)).map(parseGrant);

/** A person's hash as a profile. */
function profileOf(hash: Record<string, string>): Profile {
  return {
    grants: grantsIn(Object.keys(hash)),
    locale: hash.locale === undefined ? undefined : LocaleSchema.parse(hash.locale),
  };
}

/**
 * The e-mail of an account (KEYS[1], its identity) and that person's hash (the person key prefix ARGV[1] + e-mail),
 * or false. One round trip instead of two dependent ones on every command. The person key is not declared: on a
 * Redis Cluster every key shares the prefix's hash tag, so both live in the same slot.
 */
const PROFILE_OF_USER = `local email = redis.call('GET', KEYS[1])
if not email then return false end
return {email, redis.call('HGETALL', ARGV[1] .. email)}`;

const ProfileOfUserReply = z.union([z.null(), z.tuple([z.string().min(1), z.array(z.string())])]);

/** A flat `[field, value, …]` reply as an object. */
function pairs(flat: string[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) hash[flat[i] as string] = flat[i + 1] as string;
  return hash;
}

/** Roles given in chat and language preferences, one Redis hash per person. */
export function createPeopleRepo(redis: RedisClient, keys: Keys): PeopleStore & PersonalDataSource {
  const grants = async (email: string) => grantsIn((await redis.hkeys(keys.person(email))).sort());
  const locale = async (email: string) => {
    const raw = await redis.hget(keys.person(email), 'locale');
    return raw === null ? undefined : LocaleSchema.parse(raw);
  };
  return {
    name: 'people',
    async profile(email) {
      return profileOf(await redis.hgetall(keys.person(email)));
    },
    async profileOfUser(user) {
      const reply = ProfileOfUserReply.parse(
        await redis.eval(PROFILE_OF_USER, 1, keys.identityByUser(user.platform, user.id), keys.person('')),
      );
      return reply === null ? undefined : { email: reply[0], ...profileOf(pairs(reply[1])) };
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
