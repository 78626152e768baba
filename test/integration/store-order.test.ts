import { describe, expect, it } from 'vitest';
import { ReminderRitualSchema } from '../../src/core/ritual/ritual.js';
import { storesOnRedis } from '../support/stores-on-redis.js';

// Redis hashes and sets keep no order people could rely on: what the stores return is shown in lists, digests and
// reports, so each comes back in one order, the same every time. Twelve items written in a scrambled order make a
// sorted answer by chance all but impossible.
const SCRAMBLED = [7, 2, 11, 0, 5, 9, 3, 10, 1, 8, 4, 6];
const ASCENDING = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const two = (n: number) => String(n).padStart(2, '0');
const email = (n: number) => `p${two(n)}@beta.gouv.fr`;
const at = (n: number) => `2026-11-23T09:${two(n)}:00.000Z`;

describe('stores answer in a stable order, whatever Redis keeps', () => {
  const stores = storesOnRedis('store-order');

  it('stand-up help requests, oldest first; answers by e-mail', async () => {
    for (const n of SCRAMBLED) {
      // The later the e-mail, the earlier the request: the order is by time, not by author.
      const who = email(11 - n);
      await stores().standups.setHelp({
        id: `standup-eig7|2026-W48|${who}`,
        ritualId: 'standup-eig7',
        periodId: '2026-W48',
        defiId: 'lexiq',
        email: who,
        text: `aide ${n}`,
        at: at(n),
      });
      await stores().standups.save('standup-eig7', '2026-W48', { email: email(n), at: at(n) }, () => ({}));
    }
    const help = await stores().standups.helpFor('standup-eig7', '2026-W48');
    expect(help.map((h) => h.text)).toEqual(ASCENDING.map((n) => `aide ${n}`));
    const entries = await stores().standups.entries('standup-eig7', '2026-W48');
    expect(entries.map((e) => e.email)).toEqual(ASCENDING.map(email));
  });

  it('rituals made in chat, by id', async () => {
    for (const n of SCRAMBLED)
      await stores().rituals.saveChat(
        ReminderRitualSchema.parse({
          id: `rituel-${two(n)}`,
          kind: 'reminder',
          message: 'Café',
          schedule: { days: ['lundi'], time: '09:45' },
        }),
      );
    expect((await stores().rituals.chatRituals()).map((r) => r.id)).toEqual(
      ASCENDING.map((n) => `rituel-${two(n)}`),
    );
  });

  it('session feedback, by e-mail', async () => {
    for (const n of SCRAMBLED)
      await stores().sessions.setFeedback('2026-12-03', email(n), { rating: 4, comment: `avis ${n}` });
    expect([...(await stores().sessions.feedbacks('2026-12-03')).keys()]).toEqual(ASCENDING.map(email));
  });

  it('bulloterie: people by e-mail, each one’s skills in the order given', async () => {
    for (const n of SCRAMBLED) {
      await stores().bulle.addSkill(email(n), {
        kind: 'share',
        key: 'docker',
        label: `Docker ${n}`,
        domain: 'Dev',
        at: at(n),
        source: 'chat',
      });
      await stores().bulle.addSkill(email(0), {
        kind: 'learn',
        key: `sujet-${two(n)}`,
        label: `Sujet ${n}`,
        domain: 'Autre',
        at: at(59 - n),
        source: 'chat',
      });
    }
    const all = await stores().bulle.allSkills();
    expect([...all.keys()]).toEqual(ASCENDING.map(email));
    // p00's own skills: the share first (09:00), then the topics to learn from the earliest given (09:48 = n 11).
    expect((await stores().bulle.skillsOf(email(0))).map((s) => s.label)).toEqual([
      'Docker 0',
      ...ASCENDING.toReversed().map((n) => `Sujet ${n}`),
    ]);
  });
});
