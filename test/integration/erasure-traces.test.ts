import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import { FORGET_ACTION } from '../../src/core/personal-data.js';
import { REDIS_URL, type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { outboxIdle } from '../support/job-runner.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const WORDS = 'un avis sur notre parseur de jurisprudence';
/** What must not be left anywhere once she is erased: her address, her name, her words. */
const HERS = [INES, 'Inès Moreau', WORDS];

/** Every key under the prefix (BullMQ's included) with its whole value, whatever its type, as text. */
async function everything(prefix: string): Promise<Map<string, string>> {
  const redis = new Redis(REDIS_URL);
  const found = new Map<string, string>();
  for (const key of await redis.keys(`${prefix}:*`)) {
    const type = await redis.type(key);
    // Gone since the listing (BullMQ's marker comes and goes with each job).
    if (type === 'none') continue;
    const read: Record<string, () => Promise<unknown>> = {
      string: () => redis.get(key),
      hash: () => redis.hgetall(key),
      list: () => redis.lrange(key, 0, -1),
      set: () => redis.smembers(key),
      zset: () => redis.zrange(key, 0, -1, 'WITHSCORES'),
      stream: () => redis.xrange(key, '-', '+'),
    };
    const reader = read[type];
    if (!reader) throw new Error(`a ${type} key the scan cannot read: ${key}`);
    found.set(key, JSON.stringify(await reader()));
  }
  redis.disconnect();
  return found;
}

/** The keys whose name or value holds one of her traces, with the trace found. */
const tracesIn = (all: Map<string, string>) =>
  [...all].flatMap(([key, value]) =>
    HERS.filter((trace) => key.includes(trace) || value.includes(trace)).map((trace) => `${key} ← ${trace}`),
  );

describe('erasure leaves no copy: every key and value under the prefix, BullMQ’s included', () => {
  let bot: RunningCohorte;
  const now = new Date('2026-11-23T10:00:00+01:00');
  const user = { platform: 'shell' as const, id: INES };
  const command = async (command: string, text: string) =>
    seen(await bot.cohorte.router.command({ user, command, text, channel: 'shell' }));

  beforeAll(async () => {
    bot = await startCohorte({ name: 'erasure-traces', clock: { now: () => now } });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('after /cohorte oublier, no completed job keeps her address, her name or her words', async () => {
    // Her request, which nobody shares: it is posted in the alumni channel with her name and her words.
    expect(await command('bulle', `cherche Rust — ${WORDS}`)).toContain('Demande enregistrée : Rust.');
    await waitFor(() => bot.shellOutput().includes(WORDS), 10_000, 'the alumni post');
    // The export of everything Cohorte keeps on her, sent in a DM to her address.
    expect(await command('cohorte', 'mes-donnees')).toContain('message privé');
    await waitFor(
      () => shellPosts(bot.shellOutput()).some((p) => p.to === `@${INES}` && p.text.includes('"stores"')),
      10_000,
      'the export',
    );
    await waitForAsync(() => outboxIdle(bot), 10_000);
    // Delivered, the jobs stay (they deduplicate) but keep only a digest: no address, no words, no export.
    expect(tracesIn(await everything(bot.prefix)).filter((t) => t.includes(':bull:'))).toEqual([]);
    // One finished before jobs were scrubbed still holds its data: the erasure scrubs it too.
    const [legacy] = await bot.cohorte.queues.outbox.getJobs(['completed'], 0, 0);
    await legacy?.updateData({ key: `legacy:${INES}`, to: { kind: 'person', email: INES }, text: WORDS });
    // A change of a message to her not delivered yet: its newest content waits, with her name and her words.
    await bot.cohorte.services.outbox.update({
      key: `never-delivered:${INES}`,
      to: { kind: 'person', email: INES },
      message: textMessage(plain(`Inès Moreau : ${WORDS}`)),
      version: 1,
    });
    expect(
      tracesIn(await everything(bot.prefix)).filter((t) => t.includes(':outbox:update-latest:')),
    ).not.toEqual([]);
    expect(tracesIn(await everything(bot.prefix))).not.toEqual([]);

    await command('cohorte', 'oublier');
    await bot.cohorte.router.action({ user, actionId: FORGET_ACTION, value: 'yes', channel: 'shell' });
    await waitForAsync(() => outboxIdle(bot), 10_000);

    const all = await everything(bot.prefix);
    // The scan sees BullMQ's keys: the completed deliveries are still there, deduplicating.
    expect([...all.keys()].some((key) => key.endsWith(':outbox:completed'))).toBe(true);
    expect(tracesIn(all)).toEqual([]);
  });
});
