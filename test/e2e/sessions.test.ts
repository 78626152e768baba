import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementKey } from '../../src/core/sessions/announcement.js';
import { changeSession, publishSession } from '../../src/core/sessions/lifecycle.js';
import { createKeys } from '../../src/store/keys.js';
import { ageKeys, expiresAt } from '../support/age-redis.js';
import { type ClockedChat, PLATFORMS, startClockedChat } from '../support/clocked-chat.js';
import { EIG, OTHERS } from '../support/clocked-slack.js';
import { aSession } from '../support/session-fixture.js';
import { waitFor } from '../support/wait.js';

const { ines, thomas, sarah } = EIG;
const { claire } = OTHERS;
const CHANNEL = '#eig-communaute';
const SESSION = aSession({ capacity: 2, createdAt: '2026-11-23T10:00:00Z' });

describe.each(PLATFORMS)(
  'session announcement with RSVP buttons, clicked through the real %s receiver',
  (platform) => {
    let chat: ClockedChat;
    /** The announcement as people see it now in the channel, updates applied. */
    const announcement = () => chat.channelPosts(CHANNEL)[0];
    const headcount = (text: string) =>
      waitFor(() => announcement()?.text.includes(text) === true, 5000, text);

    beforeAll(async () => {
      chat = await startClockedChat(platform, {
        name: 'sessions',
        at: '2026-11-23T15:00:00+01:00',
        people: [claire],
      });
      expect(await publishSession(chat.bot.cohorte.services, SESSION)).toBe(true);
      await waitFor(() => chat.channelPosts(CHANNEL).length === 1, 5000, 'the announcement');
    });
    afterAll(async () => {
      await chat?.stop();
    });

    it('posts the announcement with the three buttons and an empty headcount', () => {
      expect(announcement()?.text).toContain('Journée de promotion');
      expect(announcement()?.text).toContain('*0* / 2 places prises');
      expect(announcement()?.buttons).toEqual(['Je viens', 'Peut-être', 'Je ne viens pas']);
    });

    it('each click updates the announcement in place; the full session puts the next yes on the waiting list', async () => {
      const first = await chat.click(ines, CHANNEL, 'Je viens');
      expect(first).toEqual({
        text: 'C’est noté : vous venez le jeudi 3 décembre 2026. À bientôt !',
        replaced: false,
      });
      await headcount('*1* / 2 places prises');
      expect((await chat.click(thomas, CHANNEL, 'Je viens')).text).toContain('vous venez');
      expect((await chat.click(sarah, CHANNEL, 'Je viens')).text).toContain(
        'vous êtes n° 1 sur la liste d’attente',
      );
      await headcount('*2* / 2 places prises · *0* peut-être · *0* ne vient pas · *1* en liste d’attente');
      expect(chat.edits()).toBeGreaterThanOrEqual(2);
      // Still one announcement, with its buttons: updates never post a second message.
      expect(chat.channelPosts(CHANNEL)).toHaveLength(1);
      expect(announcement()?.buttons).toEqual(['Je viens', 'Peut-être', 'Je ne viens pas']);
    });

    it('a withdrawal promotes the first in line, who is told in private', async () => {
      expect((await chat.click(thomas, CHANNEL, 'Je ne viens pas')).text).toContain('vous ne venez pas');
      await headcount('*2* / 2 places prises · *0* peut-être · *1* ne vient pas · *0* en liste d’attente');
      const toSarah = () => chat.dmPosts().filter((p) => p.to === sarah.email);
      await waitFor(() => toSarah().length > 0, 5000, 'the DM to Sarah');
      expect(toSarah().at(-1)?.text).toContain('Une place s’est libérée');
      expect(await chat.bot.cohorte.services.sessions.waiting(SESSION.id)).toEqual([]);
    });

    it('D-1: who comes is reminded in private of the place and time, with the .ics for their calendar', async () => {
      chat.setTime('2026-12-02T10:00:00+01:00');
      const data = { sessionId: SESSION.id, kind: 'd1', sequence: 0 };
      expect(await chat.run('session-reminder', data)).toBe('2026-12-03 d1: 2 sent');
      const files = chat.files();
      expect(files.map((f) => [f.to, f.name]).sort()).toEqual(
        [ines.email, sarah.email].sort().map((to) => [to, 'session-2026-12-03.ics']),
      );
      for (const file of files) {
        expect(file.text).toContain('Journée de promotion');
        expect(file.text).toContain('09:30–17:30');
        // 09:30 in Paris in December is 08:30 UTC.
        expect(file.content).toContain('DTSTART:20261203T083000Z');
      }
    });

    it('a coordinator cancels: the announcement says so and who answered yes gets the cancelling .ics', async () => {
      const cancelled = await chat.command(claire, 'session', `annuler ${SESSION.id}`);
      expect(cancelled).toEqual({
        ephemeral: true,
        text: 'C’est fait : la session *Journée de promotion* du jeudi 3 décembre 2026 est annulée ; 2 personnes prévenues.',
      });
      await waitFor(
        () => announcement()?.text.includes('Cette session est annulée.') === true,
        5000,
        'the update',
      );
      await waitFor(() => chat.files().length === 4, 5000, 'the cancelling files');
      const cancels = chat.files().slice(2);
      expect(cancels.map((f) => f.to).sort()).toEqual([ines.email, sarah.email].sort());
      for (const file of cancels) expect(file.content).toContain('METHOD:CANCEL');
    });
  },
);

/** A session seven weeks and a half ahead: Thursday 14 January 2027, created by a rule on 23 November. */
const AHEAD = aSession({
  id: '2027-01-14',
  date: '2027-01-14',
  capacity: 2,
  createdAt: '2026-11-23T10:00:00Z',
});
/** What the outbox used to keep of a delivery: 30 days, gone on day 31. */
const DAYS_31 = 31 * 24 * 3600_000;

// Matrix answers by number for a week only (its polls are tested in matrix-rsvp.test.ts): a click on day 31 is
// through buttons.
describe.each(PLATFORMS.filter((p) => p !== 'matrix'))(
  'a session announced seven weeks ahead, answered after 30 days, on %s',
  (platform) => {
    let chat: ClockedChat;
    const announcement = () => chat.channelPosts(CHANNEL)[0];
    /**
     * Each record the outbox keeps of the announcement (its marker, its parts) lives on at least as long as the
     * bot's clock has until `until` (Redis counts its TTLs on the machine's clock, which the bot's is not).
     */
    const expectKeptUntil = async (until: string) => {
      const keys = createKeys(chat.bot.prefix);
      const key = announcementKey(AHEAD.id);
      const left = Date.parse(until) - chat.bot.cohorte.services.clock.now().getTime();
      for (const name of [keys.delivered(key), keys.deliveredParts(key)])
        expect(((await expiresAt(name)) ?? 0) - Date.now()).toBeGreaterThanOrEqual(left - 1000);
    };

    beforeAll(async () => {
      chat = await startClockedChat(platform, {
        name: 'sessions-ahead',
        at: '2026-11-23T15:00:00+01:00',
        people: [claire],
      });
      expect(await publishSession(chat.bot.cohorte.services, AHEAD)).toBe(true);
      await waitFor(() => chat.channelPosts(CHANNEL).length === 1, 5000, 'the announcement');
    });
    afterAll(async () => {
      await chat?.stop();
    });

    it('keeps the announcement updatable until a week after the session, not 30 days', async () => {
      await expectKeptUntil('2027-01-21T17:30:00+01:00');
    });

    it('on day 31 a click still updates the headcount, a move the date, a cancellation the buttons', async () => {
      // Whatever Redis would have forgotten by day 31 is gone.
      await ageKeys(`${chat.bot.prefix}:*`, DAYS_31);
      chat.setTime('2026-12-24T10:00:00+01:00');
      expect((await chat.click(ines, CHANNEL, 'Je viens')).text).toContain(
        'vous venez le jeudi 14 janvier 2027',
      );
      await waitFor(
        () => announcement()?.text.includes('*1* / 2 places prises') === true,
        5000,
        'the headcount',
      );

      // Moved five weeks later: kept until a week after the new day.
      const { services } = chat.bot.cohorte;
      const stored = await services.sessions.get(AHEAD.id);
      if (!stored) throw new Error('no session');
      await changeSession(services, stored, { ...stored, date: '2027-02-18' });
      await waitFor(
        () => announcement()?.text.includes('jeudi 18 février 2027') === true,
        5000,
        'the new date',
      );
      await expectKeptUntil('2027-02-25T17:30:00+01:00');

      await chat.command(claire, 'session', `annuler ${AHEAD.id}`);
      await waitFor(
        () => announcement()?.text.includes('Cette session est annulée.') === true,
        5000,
        'the cancellation',
      );
      expect(announcement()?.buttons).toEqual([]);
      expect(chat.channelPosts(CHANNEL)).toHaveLength(1);
    });
  },
);
