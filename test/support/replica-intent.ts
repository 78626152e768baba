import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import type { RunningCohorte } from './cohorte.js';
import { ask } from './private-redis.js';
import type { SlackDouble } from './slack-double.js';
import { waitFor, waitForAsync } from './wait.js';

/** Who the copies of the replica tests (Sentinel, Cluster) go to. */
export const INES = { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' };

/**
 * How long the replica stays unable to apply what the primary sends it. Long enough that, without the WAIT, no copy
 * reaches Slack after the replica woke, even on a loaded machine (at 0.4 s, one sometimes did: the test passed by
 * chance). Above a cluster's default node timeout: the cluster tests lengthen it.
 */
const REPLICA_ASLEEP_S = 1.5;

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
 * Sends Inès `text` while the replica on `port` sleeps (`DEBUG SLEEP`); resolves once Slack has the copy and the
 * replica woke up. Sent once the replica is seen asleep (a PING `probe`, whose commands time out, leaves
 * unanswered), not after a guessed delay: on a busy machine the copy could otherwise leave before the replica
 * sleeps, and the test pass whether Cohorte waits or not.
 */
export async function sendWhileReplicaSleeps(
  bot: RunningCohorte,
  slack: SlackDouble,
  replica: { port: number; probe: Redis },
  key: string,
  text: string,
): Promise<void> {
  const asleep = ask(replica.port, 'DEBUG', 'SLEEP', String(REPLICA_ASLEEP_S));
  await waitForAsync(
    () =>
      replica.probe.ping().then(
        () => false,
        () => true,
      ),
    5000,
  );
  await sendToInes(bot, key, text);
  await waitFor(() => slack.messages(INES.id).some((m) => m.text === text), 10_000, 'the copy');
  await asleep;
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
