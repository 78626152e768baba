/**
 * `npx tsx bench/asker-read.ts`: what reading the person asking costs every command, the e-mail cached for their
 * account then their hash (two dependent round trips), against `people.profileOfUser` (one script). 40,000 reads
 * on 16 concurrent loops after 2,000 warm-up ones, three times each, alternating: CPU per read of this process
 * (`process.cpuUsage`) and of redis-server (REDIS_PID, from /proc), on the Redis of REDIS_URL (default the local
 * one) under a prefix of its own, removed after. Not a timed test, nor a `*.bench.ts`: a measurement to run by hand.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createStores } from '../src/store/index.js';

const READS = 40_000;
const LOOPS = 16;
const redisPid = Number(process.env.REDIS_PID ?? 0);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `asker-read-${process.pid}`;
const { identities, people } = createStores(redis, prefix);
const user = { platform: 'slack', id: 'U0BENCH' } as const;

/** CPU time redis-server has used so far, in ms (0 without REDIS_PID). */
const redisCpuMs = () => {
  if (!redisPid) return 0;
  const fields = readFileSync(`/proc/${redisPid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function measure(name: string, read: () => Promise<unknown>) {
  for (let i = 0; i < 2_000; i++) await read();
  const redisBefore = redisCpuMs();
  const before = process.cpuUsage();
  let left = READS;
  await Promise.all(
    Array.from({ length: LOOPS }, async () => {
      while (left-- > 0) await read();
    }),
  );
  const used = process.cpuUsage(before);
  const perRead = (micros: number) => (micros / READS).toFixed(1);
  const redisPart = redisPid ? `, redis-server ${perRead((redisCpuMs() - redisBefore) * 1000)} µs` : '';
  console.log(`${name}: this process ${perRead(used.user + used.system)} µs${redisPart} per read`);
}

try {
  await identities.remember(user, 'claire.dubois@beta.gouv.fr');
  await people.grant('claire.dubois@beta.gouv.fr', { role: 'coordinator' });
  for (let round = 0; round < 3; round++) {
    await measure('e-mail, then profile', async () => {
      const email = await identities.emailOf(user);
      return email && people.profile(email);
    });
    await measure('profileOfUser       ', () => people.profileOfUser(user));
  }
} finally {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
