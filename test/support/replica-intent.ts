import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import type { RunningCohorte } from './cohorte.js';
import { ask } from './private-redis.js';
import { type SlackDouble, startSlackDouble } from './slack-double.js';
import { waitFor, waitForAsync } from './wait.js';

/** Who the copies of the replica tests (Sentinel, Cluster) go to. */
export const INES = { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' };

/**
 * How long the replica stays unable to apply what the primary sends it. Long enough that, without the WAIT, no copy
 * reaches Slack after the replica woke, even on a loaded machine (at 0.4 s, one sometimes did: the test passed by
 * chance). Above a cluster's default node timeout: the cluster tests lengthen it.
 */
export const REPLICA_ASLEEP_S = 1.5;

/** How long Cohorte waits for a replica in these tests (REPLICA_ACK_MS is shorter than the replica's sleep). */
export const REPLICA_TEST_ACK_MS = 3000;

/** Sends Inès `text` through the outbox, under `key`. */
export const sendToInes = (bot: RunningCohorte, key: string, text: string) =>
  bot.cohorte.services.outbox.send({
    key,
    to: { kind: 'person', email: INES.email },
    message: textMessage(plain(text)),
  });

/**
 * A Slack double with Inès that, as each `chat.postMessage` arrives, reads what the replica `watched()` names holds
 * under the copy's intent (nothing named: nothing read). `atReceipt`: what it read, `null` for nothing or no answer.
 */
export async function startSlackReadingReplica(
  watched: () => { replica: Redis; intentKey: string } | undefined,
): Promise<{ slack: SlackDouble; atReceipt: (string | null)[] }> {
  const atReceipt: (string | null)[] = [];
  const slack = await startSlackDouble({
    users: [INES],
    onReceive: async (method) => {
      const watch = watched();
      if (method === 'chat.postMessage' && watch)
        atReceipt.push(await watch.replica.get(watch.intentKey).catch(() => null));
    },
  });
  return { slack, atReceipt };
}

/**
 * Puts the replica on `port` to sleep (`DEBUG SLEEP`, REPLICA_ASLEEP_S) and resolves once it is seen asleep (a PING
 * on `probe`, a connection whose commands time out, left unanswered; a connection of its own when none is given),
 * not after a guessed delay: on a busy machine a write could otherwise reach it before it sleeps. `awake` resolves
 * when it wakes up.
 */
export async function replicaAsleep(port: number, probe?: Redis): Promise<{ awake: Promise<unknown> }> {
  const awake = ask(port, 'DEBUG', 'SLEEP', String(REPLICA_ASLEEP_S));
  const ping = probe ?? new Redis({ port, host: '127.0.0.1', commandTimeout: 150 });
  try {
    await waitForAsync(
      () =>
        ping.ping().then(
          () => false,
          () => true,
        ),
      5000,
    );
  } finally {
    if (!probe) ping.disconnect();
  }
  return { awake };
}

/**
 * Sends Inès `text` while the replica on `port` sleeps (see {@link replicaAsleep}); resolves once Slack has the copy
 * and the replica woke up. Sent once the replica is seen asleep: otherwise the copy could leave before the replica
 * sleeps, and the test pass whether Cohorte waits or not.
 */
export async function sendWhileReplicaSleeps(
  bot: RunningCohorte,
  slack: SlackDouble,
  replica: { port: number; probe: Redis },
  key: string,
  text: string,
): Promise<void> {
  const { awake } = await replicaAsleep(replica.port, replica.probe);
  await sendToInes(bot, key, text);
  await waitFor(() => slack.messages(INES.id).some((m) => m.text === text), 10_000, 'the copy');
  await awake;
}

/**
 * With the replica just stopped: Inès still gets one copy of `text`, REPLICA_TEST_ACK_MS later (for a replica to
 * answer, then on without it), and the log says once that no replica acknowledged it.
 */
export async function expectCopyWithoutReplica(
  bot: RunningCohorte,
  slack: SlackDouble,
  key: string,
  text: string,
): Promise<void> {
  const started = Date.now();
  await sendToInes(bot, key, text);
  const copies = () => slack.messages(INES.id).filter((m) => m.text === text);
  await waitFor(() => copies().length > 0, 10_000, 'the copy');
  expect(copies()).toHaveLength(1);
  expect(Date.now() - started).toBeGreaterThanOrEqual(REPLICA_TEST_ACK_MS);
  expect(bot.logs.filter((l) => l.includes('no Redis replica acknowledged'))).toHaveLength(1);
}
