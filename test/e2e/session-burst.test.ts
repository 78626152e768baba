import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import { announcementCommunity } from '../support/announcement-community.js';
import { type ClockedSlack, startClockedSlack } from '../support/clocked-slack.js';
import { aSession } from '../support/session-fixture.js';
import { buttonsOf, clickAndReply, shown } from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const CHANNEL = 'C0COMMUNITY';
const SESSION = aSession({
  capacity: 10,
  createdAt: '2026-11-23T10:00:00Z',
  audience: { promotions: ['eig9'], mentors: false, alumni: false },
});

describe('64 people answer a 10-seat session within a second, through the real Slack receiver', () => {
  const community = announcementCommunity(64, 'session-burst');
  let slack: ClockedSlack;
  const announcement = () => slack.double.messages(CHANNEL)[0];

  beforeAll(async () => {
    slack = await startClockedSlack({
      name: 'session-burst',
      at: '2026-11-23T15:00:00+01:00',
      communityFile: community.file,
      moreUsers: community.users,
    });
    expect(await publishSession(slack.bot.cohorte.services, SESSION)).toBe(true);
    await waitFor(() => announcement() !== undefined, 5000, 'the announcement');
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it('the announcement shows the true headcount within seconds, in a handful of edits', async () => {
    const message = announcement();
    const yes = buttonsOf(message ?? {}).find((b) => b.label === 'Je viens');
    if (!message || !yes) throw new Error('no « Je viens » button on the announcement');
    const clickers = community.users.slice(1);
    await Promise.all(clickers.map((user, i) => clickAndReply(slack, user.id, yes, `burst-${i}`)));
    // Only the latest state of the announcement matters: a burst of answers is a few edits, not one per answer.
    await waitFor(
      () =>
        shown(announcement() ?? {}).includes(
          '*10* / 10 places prises · *0* peut-être · *0* ne vient pas · *54* en liste d’attente',
        ),
      5000,
      'the true headcount on the announcement',
    );
    const edits = slack.double.callsTo('chat.update').filter((c) => c.args.ts === message.ts && !c.error);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.length).toBeLessThanOrEqual(5);
    expect(await slack.bot.cohorte.services.sessions.waiting(SESSION.id)).toHaveLength(54);
  });
});
