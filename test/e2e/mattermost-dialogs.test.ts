import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../support/job-runner.js';
import { dialogReader, elementsOf } from '../support/mattermost-dialogs.js';
import {
  asSlackMarkers,
  buttonsOfMm,
  click,
  command,
  type MattermostE2e,
  MM_CHANNELS,
  MM_PEOPLE,
  readable,
  SYSTEM_ADMIN_BOT,
  shownMm,
  startMattermostE2e,
  submitDialog,
} from '../support/mattermost-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines } = MM_PEOPLE;
const SESSION = {
  title: 'Journée de décembre @channel',
  date: '03/12/2026',
  start: '09:30',
  end: '17:30',
  place: 'Ségur',
  address: '14 avenue Duquesne, Paris',
  agenda: '',
  capacity: '',
  promotions: 'eig7',
  mentors: 'no',
  alumni: 'no',
};

// The forms of sessions as Mattermost interactive dialogs (rituals and the bulloterie's import: the next file): opened with the command's or the click's
// trigger, submitted to /mattermost/dialog, field errors kept in the open dialog.
describe('Mattermost dialogs end to end: /session nouvelle and modifier, the feedback form', () => {
  let e2e: MattermostE2e;
  let runner: JobRunner;
  let read: ReturnType<typeof dialogReader>;
  let now = new Date('2026-11-23T15:00:00+01:00');

  beforeAll(async () => {
    // A System Admin bot: its answers to dialogs are ephemeral posts in the channel.
    e2e = await startMattermostE2e(
      'mm-dialogs',
      {},
      { clock: { now: () => now }, botRoles: SYSTEM_ADMIN_BOT },
    );
    runner = await createJobRunner(e2e.bot);
    read = dialogReader(e2e);
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await runner?.close();
    await e2e?.stop();
  });

  it('/session nouvelle opens the dialog; wrong fields stay open with what to type; a good one is created and announced', async () => {
    const answer = await command(e2e, claire, 'nouvelle', { command: 'session' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({});
    const dialog = await read.nextDialog();
    expect(dialog.url).toBe(`${e2e.bot.baseUrl}/mattermost/dialog`);
    expect(dialog.dialog).toMatchObject({ callback_id: 'session', title: 'Nouvelle session' });
    expect(elementsOf(dialog).map((e) => [e.name, e.type, e.display_name])).toEqual([
      ['title', 'text', 'Titre'],
      ['date', 'text', 'Date (JJ/MM/AAAA)'],
      ['start', 'text', 'Début (ex. 9:30)'],
      ['end', 'text', 'Fin (ex. 17:30)'],
      ['place', 'textarea', 'Lieu'],
      ['address', 'textarea', 'Adresse'],
      ['agenda', 'textarea', 'Programme'],
      ['capacity', 'text', 'Capacité'],
      ['promotions', 'text', 'Promotions invitées'],
      ['mentors', 'select', 'Mentors invités ?'],
      ['alumni', 'select', 'Alumni invités ?'],
    ]);
    expect(elementsOf(dialog).map((e) => e.default)).toContain('09:30');

    const refused = await submitDialog(e2e, claire, dialog, { ...SESSION, date: '31/02/2026', end: '08:00' });
    expect(refused.json).toEqual({
      errors: {
        date: 'Une date à venir, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, par exemple 30/11/2026.',
        end: 'Une heure après le début, par exemple 17:30.',
      },
    });
    expect(await e2e.bot.cohorte.services.sessions.get('2026-12-03')).toBeUndefined();

    const created = await submitDialog(e2e, claire, dialog, SESSION, MM_CHANNELS.coordination);
    expect(created.json).toEqual({});
    const confirmation = await read.nextEphemeral();
    expect(confirmation?.user_id).toBe(claire.id);
    expect(confirmation?.post.channel_id).toBe(MM_CHANNELS.coordination);
    expect(readable(String(confirmation?.post.message))).toContain(
      'C’est fait : la session **Journée de décembre @\u200Bchannel** du jeudi 3 décembre 2026 (`2026-12-03`)',
    );
    await waitFor(() => e2e.double.posts(MM_CHANNELS.community).length === 1, 5000, 'the announcement');
    const [announcement] = e2e.double.posts(MM_CHANNELS.community);
    expect(JSON.stringify(announcement)).not.toMatch(/@channel\b/);
    expect(buttonsOfMm(announcement).map((b) => b.name)).toEqual([
      'Je viens',
      'Peut-être',
      'Je ne viens pas',
    ]);

    // /session modifier: the same dialog, prefilled; saving it updates the announcement in place.
    await command(e2e, claire, 'modifier 2026-12-03', { command: 'session' });
    const edit = await read.nextDialog();
    expect(edit.dialog).toMatchObject({
      title: 'Modifier la session',
      submit_label: 'Enregistrer et prévenir',
    });
    const prefilled = Object.fromEntries(elementsOf(edit).map((e) => [e.name, e.default ?? '']));
    expect(prefilled).toEqual(SESSION);
    expect(
      (await submitDialog(e2e, claire, edit, { ...prefilled, place: 'Ministère, salle 2' })).json,
    ).toEqual({});
    expect(readable(String((await read.nextEphemeral())?.post.message))).toContain('Journée de décembre');
    await waitFor(
      () =>
        readable(e2e.double.posts(MM_CHANNELS.community)[0]?.message ?? '').includes('Ministère, salle 2'),
      5000,
      'the announcement updated',
    );
    expect(e2e.double.posts(MM_CHANNELS.community)).toHaveLength(1);
    expect(e2e.double.callsTo('PUT', '/posts/{post_id}/patch').length).toBeGreaterThanOrEqual(1);
  });

  it('the day after, the feedback button opens its dialog; a missing rating is refused in place, a good one thanked and summarised', async () => {
    const [announcement] = e2e.double.posts(MM_CHANNELS.community);
    const [yes] = buttonsOfMm(announcement);
    if (!announcement || !yes) throw new Error('no announcement');
    await click(e2e, ines, yes, { channel: MM_CHANNELS.community, postId: announcement.id });
    await read.nextEphemeral();

    now = new Date('2026-12-04T10:00:00+01:00');
    // The change raised the session's sequence: the reminder scheduled for it is the one that runs.
    const sequence = (await e2e.bot.cohorte.services.sessions.get('2026-12-03'))?.sequence;
    expect(sequence).toBe(1);
    const data = { sessionId: '2026-12-03', kind: 'feedback', sequence };
    expect(await runner.run('session-reminder', data)).toBe('2026-12-03 feedback: 1 sent');
    const dm = e2e.double.dmWith(ines.id) ?? '';
    const [ask] = e2e.double.posts(dm);
    expect(asSlackMarkers(shownMm(ask))).toContain('Journée de décembre');
    const [button] = buttonsOfMm(ask);
    expect(button?.name).toBe('Donner mon avis');
    if (!ask || !button) throw new Error('no feedback button');

    const clicked = await click(e2e, ines, button, { channel: dm, postId: ask.id });
    expect(clicked.json).toEqual({});
    const dialog = await read.nextDialog();
    expect(dialog.dialog).toMatchObject({ callback_id: 'sessionfeedback', title: 'Votre avis' });
    expect(elementsOf(dialog).map((e) => [e.name, e.type, e.display_name])).toEqual([
      ['rating', 'select', 'Note'],
      ['comment', 'textarea', 'Un commentaire ?'],
    ]);

    const refused = await submitDialog(e2e, ines, dialog, { rating: null, comment: 'x' }, dm);
    expect(refused.json).toEqual({ errors: { rating: 'Choisissez une note de 1 à 5.' } });
    const sent = await submitDialog(e2e, ines, dialog, { rating: '5', comment: 'Très utile @here' }, dm);
    expect(sent.json).toEqual({});
    expect(readable(String((await read.nextEphemeral())?.post.message))).toBe('Merci pour votre avis !');
    const feedbacks = await e2e.bot.cohorte.services.sessions.feedbacks('2026-12-03');
    expect(Object.fromEntries(feedbacks)).toEqual({
      [ines.email]: { rating: 5, comment: 'Très utile @here' },
    });

    const summary = await command(e2e, claire, 'avis 2026-12-03', { command: 'session' });
    expect(summary.raw).not.toMatch(/@here\b/);
    expect(asSlackMarkers(shownMm(summary.json))).toContain('« Très utile @\u200Bhere » (5/5)');

    // Opened again, the dialog comes back with her answer.
    await click(e2e, ines, button, { channel: dm, postId: ask.id });
    expect(elementsOf(await read.nextDialog()).map((e) => e.default)).toEqual(['5', 'Très utile @here']);
  });
});
