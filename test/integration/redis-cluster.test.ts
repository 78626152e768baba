import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { expectOneCopyEach, postAnnouncement, startFanOut } from '../support/announcement-flow.js';
import { ask } from '../support/private-redis.js';
import { type RedisClusterSet, startRedisCluster } from '../support/redis-cluster.js';
import { aSession } from '../support/session-fixture.js';

const COUNT = 30;

/**
 * Cohorte on a Redis Cluster of three primaries that the test creates. Every key and queue lives under one hash
 * tag (`{prefix}`), so the Lua scripts (pacing, RSVP, stand-ups, coalesced updates), the MULTIs and BullMQ's own
 * scripts each touch one slot: a cluster would refuse them otherwise (CROSSSLOT).
 */
describe('Redis Cluster: one hash tag for all of Cohorte', () => {
  const community = announcementCommunity(COUNT, 'cluster');
  let cluster: RedisClusterSet;
  let fanOut: Awaited<ReturnType<typeof startFanOut>>;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    fanOut = await startFanOut(community, 'redis-cluster', { workers: 1, redis: { env: cluster.env } });
  }, 60_000);
  afterAll(async () => {
    await fanOut?.stop();
    await cluster?.stop();
  });

  it('sends an announcement by DM through the outbox, one copy each, with its status kept up to date', {
    timeout: 60_000,
  }, async () => {
    const { slack, web } = fanOut;
    const { id } = await postAnnouncement(web, { text: 'Sur un cluster', audience: 'eig9', mode: 'dms' });
    await expectOneCopyEach(slack, id, COUNT, 30_000);
    // Every key of this cluster is this Cohorte's (keys and queues under one tag): all on one node of the three.
    const counts = await Promise.all(
      cluster.nodes.map(async (node) => Number(await ask(node.port, 'DBSIZE'))),
    );
    expect(counts.filter((n) => n > 0)).toHaveLength(1);
    expect(counts.reduce((a, b) => a + b)).toBeGreaterThan(COUNT);
  });

  it('knows the person asking from their account through the one-script read: e-mail and chat-given roles', async () => {
    const { people, identities } = fanOut.web.cohorte.stores;
    const user = { platform: 'slack', id: 'U0CLUSTER' } as const;
    await identities.remember(user, 'cluster.asker@x.fr');
    await people.grant('cluster.asker@x.fr', { role: 'alumni' });
    expect(await people.profileOfUser(user)).toEqual({
      email: 'cluster.asker@x.fr',
      grants: [{ role: 'alumni' }],
      locale: undefined,
    });
  });

  it('counts simultaneous RSVPs exactly, past capacity into the waiting list', async () => {
    const { services, stores } = fanOut.web.cohorte;
    const session = aSession({ id: 'cluster-rsvp', capacity: 5 });
    await stores.sessions.create(session);
    await Promise.all(
      community.eig.slice(0, 12).map((email) => services.sessions.answer(session.id, email, 'yes')),
    );
    expect(await stores.sessions.headcount(session.id)).toEqual({ yes: 5, maybe: 0, no: 0, waiting: 7 });
    expect(await stores.sessions.waiting(session.id)).toHaveLength(7);
  });

  it('keeps every answer of stand-up posts made at the same moment', async () => {
    const { standups } = fanOut.web.cohorte.stores;
    const email = community.eig[0] ?? '';
    const at = '2026-11-27T09:00:00.000Z';
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        standups.save('standup-eig9', '2026-W48', { email, at }, (stored) => ({
          ...stored,
          [`q${i}`]: `r${i}`,
        })),
      ),
    );
    const entry = await standups.entry('standup-eig9', '2026-W48', email);
    expect(Object.keys(entry?.answers ?? {}).sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
  });

  it('exports and erases a person, scanning the keys on the node that holds them', async () => {
    const { personalData } = fanOut.web.cohorte.services;
    const email = community.eig[1] ?? '';
    expect(JSON.stringify(await personalData.exportAll(email))).toContain('cluster-rsvp');
    await personalData.eraseAll(email);
    expect(JSON.stringify(await personalData.exportAll(email))).not.toContain('cluster-rsvp');
  });
});
