/**
 * One matching round in a fresh process, so its peak memory is the round's alone: reads the bulloterie from Redis
 * (BENCH_PREFIX) as `loadWorld` does, ranks every open request with `matchRound`, and prints one JSON line with the
 * times and the peak RSS. BENCH_MODE=idle only connects (the baseline RSS); BENCH_MODE=naive also times a matcher
 * without the index (every bubble compared with every request) on 100 requests.
 */
import { performance } from 'node:perf_hooks';
import { matchRound, rankCandidates } from '../../src/core/bulle/match.js';
import { loadWorld, thesaurusOf } from '../../src/core/bulle/world.js';
import { createRoster } from '../../src/core/roster/roster.js';
import { createStores } from '../../src/store/index.js';
import { createCommandRedis, whenReady } from '../../src/store/redis.js';
import { benchCommunity, benchThemes, NOW } from './bulle-data.js';

const NAIVE_SAMPLE = 100;
const redis = createCommandRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
await whenReady(redis);
const { bulle, people } = createStores(redis, process.env.BENCH_PREFIX ?? '');
const { themes } = benchThemes();
const roster = createRoster(benchCommunity(themes).data);
const services = { bulle, people, roster, clock: { now: () => NOW } };
const figures: Record<string, number> = {};

/** One round as the weekly job reads and ranks it: returns its timings and a checksum of the proposals. */
async function round() {
  const started = performance.now();
  const { world, active } = await loadWorld(services);
  const open = active
    .filter((r) => r.status === 'open')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const read = performance.now();
  const proposals = matchRound(open, world);
  const done = performance.now();
  const checksum = [...proposals.values()].reduce((sum, c) => sum + (c[0]?.email.length ?? 0), 0);
  return {
    world,
    open,
    readMs: read - started,
    matchMs: done - read,
    totalMs: done - started,
    proposed: proposals.size,
    checksum,
  };
}

if (process.env.BENCH_MODE !== 'idle') {
  // The first round of a process pays for cold code; the second is what a long-running worker does.
  const cold = await round();
  const warm = await round();
  const { world, open, matchMs } = cold;
  Object.assign(figures, {
    readMs: cold.readMs,
    matchMs,
    totalMs: cold.totalMs,
    warmTotalMs: warm.totalMs,
    open: open.length,
    proposed: cold.proposed,
    checksum: cold.checksum,
  });
  if (process.env.BENCH_MODE === 'naive') {
    const thesaurus = thesaurusOf(services);
    const skills = await bulle.shares();
    const sample = open.slice(0, NAIVE_SAMPLE);
    const naiveStart = performance.now();
    for (const request of sample) {
      const found: [string, string][] = [];
      for (const [email, list] of skills)
        for (const skill of list)
          if (email !== request.email && thesaurus.relation(request.key, skill.key) !== 'different')
            found.push([email, skill.key]);
      found.sort();
    }
    figures.naiveMsPerRequest = (performance.now() - naiveStart) / sample.length;
    figures.indexedMsPerRequest = matchMs / Math.max(open.length, 1);
    // The same requests ranked with the index, for the same sample.
    const indexedStart = performance.now();
    for (const request of sample) rankCandidates(request, world);
    figures.indexedSampleMsPerRequest = (performance.now() - indexedStart) / sample.length;
  }
}
figures.peakRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify(figures)}\n`);
redis.disconnect();
