import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpRequestId } from '../../src/core/standup/store.js';
import { type ClockedChat, PLATFORMS, startClockedChat } from '../support/clocked-chat.js';
import { EIG } from '../support/clocked-slack.js';
import { COMMUNITY_FILE } from '../support/cohorte.js';
import { waitFor } from '../support/wait.js';

const { ines, thomas, sarah, lucas, amina, hugo, chloe, leo, manon } = EIG;
const RITUAL = 'standup-eig7';
const WEEK = '2026-W48';
const LEXIQ = 'LexIQ, la recherche dans la jurisprudence';
const DATAPASS = "DataPass Santé, l'accès simplifié aux données de santé";
const CARTO = "Carto'Eau, la cartographie des cours d'eau";
const DEFI_CHANNELS = ['#defi-lexiq', '#defi-datapass-sante', '#defi-carto-eau'];
const BUTTON = 'Écrire mon stand-up';

const dmPosts = (week: ClockedChat) => week.dmPosts();
const dmRecipients = (week: ClockedChat) => week.dmPosts().map((post) => post.to);
const channelPosts = (week: ClockedChat) => week.allPosts().length - week.dmPosts().length;

describe.each(PLATFORMS)(
  'a stand-up week compressed into seconds, with a clock the test controls (%s)',
  (platform) => {
    let week: ClockedChat;
    const reminder = () => week.run('standup-reminder', { ritualId: RITUAL });
    const digest = () => week.run('standup-digest', { ritualId: RITUAL });

    beforeAll(async () => {
      week = await startClockedChat(platform, { name: 'standup-week', at: '2026-11-23T10:00:00+01:00' });
    });
    afterAll(async () => {
      await week?.stop();
    });

    it('Monday 10:00: Inès posts, is told who reads it and until when, then edits and withdraws her help request', async () => {
      const first = await week.standup(ines, 'priorités: recette ; aide: un avis RGPD ; météo: ☀️');
      expect(first).toContain('C’est noté');
      expect(first).toContain('vendredi 27 novembre 2026 à 15:00');
      expect(first).toContain('Lu par : Julien Garnier, la coordination.');
      const { standups } = week.bot.cohorte.stores;
      expect(await standups.help(helpRequestId(RITUAL, WEEK, ines.email))).toMatchObject({
        text: 'un avis RGPD',
        defiId: 'lexiq',
      });

      const second = await week.standup(ines, 'priorités: recette v2 ; aide:');
      expect(second).toContain('C’est mis à jour');
      expect(second).toContain('vendredi 27 novembre 2026 à 15:00');
      const entries = await standups.entries(RITUAL, WEEK);
      expect(entries).toEqual([
        expect.objectContaining({
          email: ines.email,
          answers: { meteo: '☀️', priorites: 'recette v2' },
          edits: 1,
        }),
      ]);
      expect(await standups.help(helpRequestId(RITUAL, WEEK, ines.email))).toBeUndefined();
      expect(await standups.helpFor(RITUAL, WEEK)).toEqual([]);
      expect(week.allPosts()).toEqual([]);
    });

    it('Sarah is away for the week', async () => {
      await week.bot.cohorte.stores.standups.addAbsence(sarah.email, {
        from: '2026-11-23',
        to: '2026-11-27',
      });
      expect(await week.bot.cohorte.stores.standups.absences(sarah.email)).toHaveLength(1);
    });

    it('Friday 09:59: not a reminder time, nobody is written to', async () => {
      week.setTime('2026-11-27T09:59:00+01:00');
      expect(await reminder()).toContain('not a reminder time');
      expect(week.dmOpened()).toEqual([]);
      expect(week.allPosts()).toEqual([]);
    });

    it('Friday 10:00: one DM with a button to each silent EIG, never to who posted or is away, never a channel', async () => {
      week.setTime('2026-11-27T10:00:00+01:00');
      expect(await reminder()).toContain('5 reminded, 1 already posted, 1 absent');
      const silent = [thomas, lucas, amina, hugo, chloe];
      await waitFor(() => dmPosts(week).length === silent.length);
      expect(dmRecipients(week).sort()).toEqual(silent.map((p) => p.email).sort());
      expect(week.dmOpened().sort()).toEqual(silent.map((p) => p.email).sort());
      for (const post of dmPosts(week)) {
        expect(post.buttons).toEqual([BUTTON]);
        expect(post.text).toContain('vendredi 27 novembre 2026 à 15:00');
      }
      for (const absentOrPosted of [ines, sarah])
        expect(dmRecipients(week)).not.toContain(absentOrPosted.email);
      expect(channelPosts(week)).toBe(0);

      week.setTime('2026-11-27T10:01:00+01:00');
      await reminder();
      expect(dmPosts(week)).toHaveLength(silent.length);
      expect(week.dmOpened()).toHaveLength(silent.length);
    });

    it('Friday 15:00: one digest per défi, with names and no mentions, and one roll-up, even when run twice', async () => {
      week.setTime('2026-11-27T15:00:00+01:00');
      expect(await digest()).toContain('3 défi digests and the roll-up');
      for (const channel of DEFI_CHANNELS) expect(week.channelPosts(channel)).toHaveLength(1);
      const [lexiq] = week.channelPosts('#defi-lexiq');
      const text = lexiq?.text ?? '';
      expect(text).toContain(`Stand-up ${LEXIQ}, semaine du lundi 23 novembre 2026`);
      expect(text).toContain('*Inès Moreau*');
      expect(text).toContain('_Priorités de la semaine_ : recette v2');
      expect(text).toContain('Absents : Sarah Lefebvre');
      expect(text).toContain('Pas encore écrit : Thomas Nguyen');
      expect(text).not.toContain('un avis RGPD');
      expect(text).not.toMatch(/<[@!]|@(channel|all|here)\b/);

      const [roll, ...more] = week.channelPosts('#eig-coordination');
      expect(more).toEqual([]);
      const lines = (roll?.text ?? '').split('\n');
      expect(lines[0]).toBe('Stand-ups de la semaine du lundi 23 novembre 2026');
      expect(lines.slice(1)).toEqual([`*${LEXIQ}* ☀️ · 1/2`, `*${DATAPASS}* — · 0/2`, `*${CARTO}* — · 0/2`]);

      await digest();
      for (const channel of [...DEFI_CHANNELS, '#eig-coordination'])
        expect(week.channelPosts(channel)).toHaveLength(1);
    });

    it('Friday 15:30: Thomas’s late post goes in the thread of his défi’s digest, and he is told so', async () => {
      week.setTime('2026-11-27T15:30:00+01:00');
      const answer = await week.standup(thomas, 'priorités: tests de charge ; météo: 🌤️');
      expect(answer).toContain('C’est noté');
      expect(answer).toContain('Le récapitulatif du défi est déjà parti');
      await waitFor(() => week.channelPosts('#defi-lexiq').length === 2);
      const [posted, late] = week.channelPosts('#defi-lexiq');
      expect(late?.thread).toBe(posted?.id);
      expect(late?.text).toContain('*Thomas Nguyen* 🌤️');
      expect(late?.text).toContain('tests de charge');
      for (const channel of DEFI_CHANNELS.slice(1)) expect(week.channelPosts(channel)).toHaveLength(1);
    });

    it('after the promotion’s end, a reminder run sends nothing', async () => {
      week.setTime('2027-07-02T10:00:00+02:00');
      const before = week.allPosts().length;
      expect(await reminder()).toContain('no stand-up period now');
      expect(week.allPosts()).toHaveLength(before);
    });
  },
);

describe.each(PLATFORMS)(
  'a holiday on the deadline day moves the reminders to the day before (%s)',
  (platform) => {
    let week: ClockedChat;
    let dir = '';

    beforeAll(async () => {
      // The promotion eig6 runs through May 2026; the test community gives it no stand-up, so this copy adds one.
      dir = mkdtempSync(join(tmpdir(), 'cohorte-standup-'));
      const file = join(dir, 'community.yml');
      const ritual = "    digest: '15:00'\n";
      const source = readFileSync(COMMUNITY_FILE, 'utf8');
      expect(source).toContain(ritual);
      writeFileSync(
        file,
        source.replace(ritual, `${ritual}  - id: standup-eig6\n    kind: standup\n    promotion: eig6\n`),
      );
      week = await startClockedChat(platform, {
        name: 'standup-holiday',
        at: '2026-05-01T10:00:00+02:00',
        communityFile: file,
      });
    });
    afterAll(async () => {
      await week?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('Friday 1 May 10:00 (Fête du travail): nothing; Thursday 30 April 10:00: the EIG are reminded', async () => {
      const reminder = () => week.run('standup-reminder', { ritualId: 'standup-eig6' });
      expect(await reminder()).toContain('not a reminder time');
      expect(week.allPosts()).toEqual([]);

      week.setTime('2026-04-30T10:00:00+02:00');
      expect(await reminder()).toContain('2 reminded');
      await waitFor(() => dmPosts(week).length === 2);
      expect(dmRecipients(week).sort()).toEqual([leo.email, manon.email].sort());
      for (const post of dmPosts(week)) {
        expect(post.buttons).toEqual([BUTTON]);
        expect(post.text).toContain(
          'Échéance avancée au jeudi 30 avril 2026 à 15:00, le vendredi 1er mai 2026 étant férié.',
        );
      }
    });
  },
);
