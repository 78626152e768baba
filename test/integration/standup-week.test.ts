import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpRequestId } from '../../src/core/standup/store.js';
import { type ClockedSlack, EIG, startClockedSlack } from '../support/clocked-slack.js';
import { COMMUNITY_FILE } from '../support/cohorte.js';
import type { SlackDoubleCall } from '../support/slack-double.js';
import { buttonsOf, type SlackAnswer, shown } from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const { ines, thomas, sarah, lucas, amina, hugo, chloe, leo, manon } = EIG;
const RITUAL = 'standup-eig7';
const WEEK = '2026-W48';
const LEXIQ = 'LexIQ, la recherche dans la jurisprudence';
const DATAPASS = "DataPass Santé, l'accès simplifié aux données de santé";
const CARTO = "Carto'Eau, la cartographie des cours d'eau";
const DEFI_CHANNELS = ['#defi-lexiq', '#defi-datapass-sante', '#defi-carto-eau'];
const BUTTON = 'Écrire mon stand-up';

/** What the person sees in the acknowledgement, after checking it is a well-formed ephemeral answer. */
function seen(answer: SlackAnswer): string {
  expect(answer.status).toBe(200);
  expect(answer.json?.response_type).toBe('ephemeral');
  return shown(answer.json);
}

const posts = (week: ClockedSlack): SlackDoubleCall[] =>
  week.double.callsTo('chat.postMessage').filter((call) => call.status === 200 && !call.error);
const dmPosts = (week: ClockedSlack) =>
  posts(week).filter((call) => String(call.args.channel).startsWith('D'));
const dmChannels = (week: ClockedSlack) => dmPosts(week).map((call) => String(call.args.channel));

describe('a stand-up week compressed into seconds, with a clock the test controls', () => {
  let week: ClockedSlack;
  const reminder = () => week.run('standup-reminder', { ritualId: RITUAL });
  const digest = () => week.run('standup-digest', { ritualId: RITUAL });

  beforeAll(async () => {
    week = await startClockedSlack({ name: 'standup-week', at: '2026-11-23T10:00:00+01:00' });
  });
  afterAll(async () => {
    await week?.stop();
  });

  it('Monday 10:00: Inès posts, is told who reads it and until when, then edits and withdraws her help request', async () => {
    const first = seen(await week.standup(ines.id, 'priorités: recette ; aide: un avis RGPD ; météo: ☀️'));
    expect(first).toContain('C’est noté');
    expect(first).toContain('vendredi 27 novembre 2026 à 15:00');
    expect(first).toContain('Lu par : Julien Garnier, la coordination.');
    const { standups } = week.bot.cohorte.stores;
    expect(await standups.help(helpRequestId(RITUAL, WEEK, ines.email))).toMatchObject({
      text: 'un avis RGPD',
      defiId: 'lexiq',
    });

    const second = seen(await week.standup(ines.id, 'priorités: recette v2 ; aide:'));
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
    expect(posts(week)).toEqual([]);
  });

  it('Sarah is away for the week', async () => {
    await week.bot.cohorte.stores.standups.addAbsence(sarah.email, { from: '2026-11-23', to: '2026-11-27' });
    expect(await week.bot.cohorte.stores.standups.absences(sarah.email)).toHaveLength(1);
  });

  it('Friday 09:59: not a reminder time, nobody is written to', async () => {
    week.setTime('2026-11-27T09:59:00+01:00');
    expect(await reminder()).toContain('not a reminder time');
    expect(week.double.callsTo('conversations.open')).toEqual([]);
    expect(posts(week)).toEqual([]);
  });

  it('Friday 10:00: one DM with a button to each silent EIG, never to who posted or is away, never a channel', async () => {
    week.setTime('2026-11-27T10:00:00+01:00');
    expect(await reminder()).toContain('5 reminded, 1 already posted, 1 absent');
    const silent = [thomas, lucas, amina, hugo, chloe];
    await waitFor(() => dmPosts(week).length === silent.length);
    expect(dmChannels(week).sort()).toEqual(silent.map((p) => `D${p.id}`).sort());
    const opened = week.double.callsTo('conversations.open').map((call) => call.args.users);
    expect(opened.sort()).toEqual(silent.map((p) => p.id).sort());
    for (const call of dmPosts(week)) {
      expect(buttonsOf(call.args).map((b) => b.label)).toEqual([BUTTON]);
      expect(shown(call.args)).toContain('vendredi 27 novembre 2026 à 15:00');
    }
    for (const absentOrPosted of [ines, sarah])
      expect(dmChannels(week)).not.toContain(`D${absentOrPosted.id}`);
    expect(posts(week).filter((call) => !String(call.args.channel).startsWith('D'))).toEqual([]);

    week.setTime('2026-11-27T10:01:00+01:00');
    await reminder();
    expect(dmPosts(week)).toHaveLength(silent.length);
    expect(week.double.callsTo('conversations.open')).toHaveLength(silent.length);
  });

  it('Friday 15:00: one digest per défi, with names and no mentions, and one roll-up, even when run twice', async () => {
    week.setTime('2026-11-27T15:00:00+01:00');
    expect(await digest()).toContain('3 défi digests and the roll-up');
    for (const channel of DEFI_CHANNELS) expect(week.double.messages(channel)).toHaveLength(1);
    const [lexiq] = week.double.messages('#defi-lexiq');
    const text = shown(lexiq);
    expect(text).toContain(`Stand-up ${LEXIQ}, semaine du lundi 23 novembre 2026`);
    expect(text).toContain('*Inès Moreau*');
    expect(text).toContain('_Priorités de la semaine_ : recette v2');
    expect(text).toContain('Absents : Sarah Lefebvre');
    expect(text).toContain('Pas encore écrit : Thomas Nguyen');
    expect(text).not.toContain('un avis RGPD');
    expect(`${text} ${lexiq?.text}`).not.toMatch(/<[@!]/);

    const [roll, ...more] = week.double.messages('#eig-coordination');
    expect(more).toEqual([]);
    const lines = shown(roll).split('\n');
    expect(lines[0]).toBe('Stand-ups de la semaine du lundi 23 novembre 2026');
    expect(lines.slice(1)).toEqual([`*${LEXIQ}* ☀️ · 1/2`, `*${DATAPASS}* — · 0/2`, `*${CARTO}* — · 0/2`]);

    await digest();
    for (const channel of [...DEFI_CHANNELS, '#eig-coordination'])
      expect(week.double.messages(channel)).toHaveLength(1);
  });

  it('Friday 15:30: Thomas’s late post goes in the thread of his défi’s digest, and he is told so', async () => {
    week.setTime('2026-11-27T15:30:00+01:00');
    const answer = seen(await week.standup(thomas.id, 'priorités: tests de charge ; météo: 🌤️'));
    expect(answer).toContain('C’est noté');
    expect(answer).toContain('Le récapitulatif du défi est déjà parti');
    await waitFor(() => week.double.messages('#defi-lexiq').length === 2);
    const [posted, late] = week.double.messages('#defi-lexiq');
    expect(late?.thread_ts).toBe(posted?.ts);
    expect(shown(late)).toContain('*Thomas Nguyen* 🌤️');
    expect(shown(late)).toContain('tests de charge');
    for (const channel of DEFI_CHANNELS.slice(1)) expect(week.double.messages(channel)).toHaveLength(1);
  });

  it('after the promotion’s end, a reminder run sends nothing', async () => {
    week.setTime('2027-07-02T10:00:00+02:00');
    const before = posts(week).length;
    expect(await reminder()).toContain('no stand-up period now');
    expect(posts(week)).toHaveLength(before);
  });
});

describe('a holiday on the deadline day moves the reminders to the day before', () => {
  let week: ClockedSlack;
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
    week = await startClockedSlack({
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
    expect(posts(week)).toEqual([]);

    week.setTime('2026-04-30T10:00:00+02:00');
    expect(await reminder()).toContain('2 reminded');
    await waitFor(() => dmPosts(week).length === 2);
    expect(dmChannels(week).sort()).toEqual([`D${leo.id}`, `D${manon.id}`].sort());
    for (const call of dmPosts(week)) {
      expect(buttonsOf(call.args).map((b) => b.label)).toEqual([BUTTON]);
      expect(shown(call.args)).toContain(
        'Échéance avancée au jeudi 30 avril 2026 à 15:00, le vendredi 1er mai 2026 étant férié.',
      );
    }
  });
});
