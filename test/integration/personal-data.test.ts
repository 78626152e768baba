import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulleRequest } from '../../src/core/bulle/store.js';
import { plain, textMessage } from '../../src/core/message.js';
import { helpRequestId } from '../../src/core/standup/store.js';
import { REDIS_URL, type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { aSession } from '../support/session-fixture.js';
import { waitForAsync } from '../support/wait.js';

const EMAIL = 'ines.moreau@beta.gouv.fr';
const BULLE_REQUEST: BulleRequest = {
  id: '',
  email: '',
  key: 'docker',
  label: 'Docker',
  domain: 'Dev',
  details: '',
  source: 'chat',
  status: 'open',
  createdAt: '2026-11-27T09:00:00.000Z',
  updatedAt: '2026-11-27T09:00:00.000Z',
  candidates: [],
  tried: [],
  attempt: 1,
};
const SLACK_ID = 'U0INES';

/** Every key under the prefix whose name or value mentions the person. */
async function traces(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL);
  const found: string[] = [];
  for (const key of await redis.keys(`${prefix}:*`)) {
    const type = await redis.type(key);
    const read = {
      string: () => redis.get(key),
      hash: () => redis.hgetall(key),
      set: () => redis.smembers(key),
      zset: () => redis.zrange(key, 0, -1),
    }[type];
    const value = JSON.stringify(read ? await read() : type);
    if ([key, value ?? ''].some((text) => text.includes(EMAIL) || text.includes(SLACK_ID))) found.push(key);
  }
  redis.disconnect();
  return found;
}

describe('personal data: /cohorte mes-donnees and /cohorte oublier cover every store', () => {
  let bot: RunningCohorte;
  let prefix = '';
  let stores: RunningCohorte['cohorte']['stores'];
  let personalData: RunningCohorte['cohorte']['services']['personalData'];
  beforeEach(async () => {
    bot = await startCohorte({ name: 'gdpr' });
    ({ prefix } = bot);
    ({ stores } = bot.cohorte);
    ({ personalData } = bot.cohorte.services);
  });
  afterEach(() => bot.stop());

  async function fillEveryStore() {
    await stores.people.grant(EMAIL, { role: 'mentor', defiId: 'lexiq' });
    await stores.people.setLocale(EMAIL, 'en');
    await stores.identities.remember({ platform: 'slack', id: SLACK_ID }, EMAIL);
    await stores.identities.rememberDm({ platform: 'slack', id: SLACK_ID }, 'D0INES');
    const at = '2026-11-27T09:00:00.000Z';
    await stores.webSessions.open('s'.repeat(43), { email: EMAIL, csrf: 'c', createdAt: at }, 60_000);
    await stores.standups.save('standup-eig7', '2026-W48', { email: EMAIL, at }, () => ({
      aide: 'un regard sur notre API',
    }));
    await stores.standups.setHelp({
      id: helpRequestId('standup-eig7', '2026-W48', EMAIL),
      ritualId: 'standup-eig7',
      periodId: '2026-W48',
      defiId: 'lexiq',
      email: EMAIL,
      text: 'un regard sur notre API',
      at,
    });
    await stores.standups.addAbsence(EMAIL, { from: '2026-12-21', to: '2027-01-01' });
    // A session she said yes to (one seat: Thomas waits), and her feedback.
    await stores.sessions.create(aSession({ address: '', capacity: 1 }));
    await stores.sessions.answer('2026-12-03', EMAIL, 'yes');
    await stores.sessions.answer('2026-12-03', 'thomas.nguyen@beta.gouv.fr', 'yes');
    await stores.sessions.setFeedback('2026-12-03', EMAIL, { rating: 5, comment: 'Merci' });
    // A message to her still in the outbox (it waits for a parent that never comes).
    await bot.cohorte.services.outbox.send({
      key: `pending:${EMAIL}`,
      to: { kind: 'person', email: EMAIL },
      replyTo: 'no-such-parent',
      message: textMessage(plain('en attente')),
    });
    await waitForAsync(async () => (await bot.cohorte.queues.outbox.getDelayedCount()) === 1);
    // Someone else's data must survive the erasure.
    await stores.standups.save(
      'standup-eig7',
      '2026-W48',
      { email: 'thomas.nguyen@beta.gouv.fr', at },
      () => ({}),
    );
    await stores.people.grant('thomas.nguyen@beta.gouv.fr', { role: 'alumni' });
    // The bulloterie: her bubble, her request, her pause and decline, and Thomas's request she was asked for.
    await stores.bulle.addSkill(EMAIL, {
      kind: 'share',
      key: 'sql',
      label: 'SQL',
      domain: 'Data',
      at,
      source: 'chat',
    });
    await stores.bulle.create({ ...BULLE_REQUEST, id: 'hers', email: EMAIL });
    await stores.bulle.create({
      ...BULLE_REQUEST,
      id: 'his',
      email: 'thomas.nguyen@beta.gouv.fr',
      status: 'proposed',
      candidate: EMAIL,
      candidates: [{ email: EMAIL, reason: { match: 'equal', shares: 'SQL' } }],
    });
    await stores.bulle.setPause(EMAIL, '2026-12-31');
    await stores.bulle.noteDecline(EMAIL, at);
    // An announcement DM'd to her and to someone else.
    const announcement = await stores.announcements.create({
      author: 'claire.dubois@beta.gouv.fr',
      text: 'Appel à projets',
      audience: { everyone: false, promotions: [], roles: ['eig'], defis: [] },
      audienceText: 'eig',
      mode: 'dms',
      createdAt: at,
      state: 'sent',
      version: 0,
    });
    await stores.announcements.setRecipients(announcement.id, [
      `person:${EMAIL}`,
      'person:thomas.nguyen@beta.gouv.fr',
    ]);
    return announcement.id;
  }

  it('exports one section per store with what it holds about the person', async () => {
    const announcementId = await fillEveryStore();
    const exported = await personalData.exportAll(EMAIL);
    expect(exported).toEqual({
      people: { grants: [{ role: 'mentor', defiId: 'lexiq' }], locale: 'en' },
      identities: { slack: SLACK_ID },
      chatState: [],
      standups: {
        entries: [
          {
            ritualId: 'standup-eig7',
            periodId: '2026-W48',
            email: EMAIL,
            answers: { aide: 'un regard sur notre API' },
            at: '2026-11-27T09:00:00.000Z',
            firstAt: '2026-11-27T09:00:00.000Z',
            edits: 0,
          },
        ],
        helpRequests: [expect.objectContaining({ defiId: 'lexiq', text: 'un regard sur notre API' })],
        absences: [{ from: '2026-12-21', to: '2027-01-01' }],
      },
      sessions: { '2026-12-03': { answer: 'yes', feedback: { rating: 5, comment: 'Merci' } } },
      bulloterie: {
        skills: [expect.objectContaining({ kind: 'share', label: 'SQL' })],
        requests: [expect.objectContaining({ id: 'hers', label: 'Docker' })],
        pausedUntil: '2026-12-31',
        lastDecline: '2026-11-27T09:00:00.000Z',
      },
      outbox: { undelivered: 1 },
      announcements: { received: [announcementId] },
      pages: { openSessions: 1 },
    });
  });

  it('erases every key that names the person, and nobody else’s', async () => {
    const announcementId = await fillEveryStore();
    expect((await traces(prefix)).length).toBeGreaterThanOrEqual(3);
    await personalData.eraseAll(EMAIL);
    expect(await traces(prefix)).toEqual([]);
    expect(await stores.people.grants('thomas.nguyen@beta.gouv.fr')).toEqual([{ role: 'alumni' }]);
    expect(await personalData.exportAll(EMAIL)).toEqual({
      people: { grants: [], locale: null },
      identities: {},
      chatState: [],
      standups: { entries: [], helpRequests: [], absences: [] },
      sessions: {},
      bulloterie: { skills: [], requests: [], pausedUntil: null, lastDecline: null },
      outbox: { undelivered: 0 },
      announcements: { received: [] },
      pages: { openSessions: 0 },
    });
    // Her seat went to the next in line.
    expect(await stores.sessions.answers('2026-12-03')).toEqual(
      new Map([['thomas.nguyen@beta.gouv.fr', 'yes']]),
    );
    // Thomas's request stays his, waiting for someone else.
    expect(await stores.bulle.request('his')).toMatchObject({ status: 'open', candidates: [] });
    expect(await bot.cohorte.queues.outbox.getDelayedCount()).toBe(0);
    expect(await stores.announcements.recipients(announcementId)).toEqual([
      'person:thomas.nguyen@beta.gouv.fr',
    ]);
    expect(await stores.standups.entries('standup-eig7', '2026-W48')).toHaveLength(1);
  });
});
