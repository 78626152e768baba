import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { plain, textMessage } from '../../src/core/message.js';
import { REPLICA_ACK_MS } from '../../src/store/replicated-writes.js';
import type { RunningCohorte } from './cohorte.js';
import { ask } from './private-redis.js';
import type { SlackDouble } from './slack-double.js';
import { waitFor, waitForAsync } from './wait.js';

/** Who the copies of the replica tests (Sentinel, Cluster) go to. */
export const INES = { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' };

/** How long the replica stays unable to apply what the primary sends it (under a cluster's node timeout, 1 s). */
const REPLICA_ASLEEP_S = 0.4;

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
 * With the replica just stopped: Inès still gets one copy of `text`, half a second later (REPLICA_ACK_MS for a
 * replica to answer, then on without it), and the log says once that no replica acknowledged it.
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
  expect(Date.now() - started).toBeGreaterThanOrEqual(REPLICA_ACK_MS);
  expect(bot.logs.filter((l) => l.includes('no Redis replica acknowledged'))).toHaveLength(1);
}
