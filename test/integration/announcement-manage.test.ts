import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdOf } from '../../src/queue/queues.js';
import { announcementCommunity } from '../support/announcement-community.js';
import { buttonValue, coordinator, postAnnouncement, textOf } from '../support/announcement-flow.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

const eig0 = { platform: 'slack' as const, id: 'U0' };

describe('/annonce: who may, cancel, edit, schedule (real Redis, BullMQ, Slack double)', () => {
  const community = announcementCommunity(40, 'manage');
  let slack: SlackDouble;
  let bot: RunningCohorte;
  const command = (text: string, user = coordinator) =>
    bot.cohorte.router.command({ user, command: 'annonce', text, channel: 'D0' });
  const received = () =>
    community.users.slice(1).filter((u) => slack.messages(`D${u.id}`).some((m) => m.text === 'Trop tôt'))
      .length;
  const report = () => slack.messages('DU0CLAIRE').at(-1)?.text ?? '';

  beforeAll(async () => {
    slack = await startSlackDouble({
      users: community.users,
      limits: { perChannelPerSecond: 1, workspacePerSecond: 8 },
    });
    bot = await startCohorte({
      name: 'announcement-manage',
      slackApiUrl: slack.url,
      communityFile: community.file,
      env: {
        OUTBOX_CHANNEL_INTERVAL_MS: '1000',
        OUTBOX_WORKSPACE_PER_SECOND: '8',
        OUTBOX_UPDATES_PER_MINUTE: '6000',
      },
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
  });

  it('refuses every part of /annonce to someone who is not a coordinator', async () => {
    for (const text of ['', 'liste', 'annuler abc123', 'modifier abc123']) {
      expect(textOf(await command(text, eig0))).toContain('réservée aux coordinateurs');
    }
    const form = await bot.cohorte.router.form({
      user: eig0,
      formId: 'annonce',
      values: { text: 'Coucou', audience: 'tous', mode: 'dms', when: '' },
      context: '',
    });
    expect(textOf(form)).toContain('réservée aux coordinateurs');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('does not send an announcement whose author is no longer a coordinator when its job runs', async () => {
    const { announcements, schedules } = bot.cohorte.services;
    const draft = await announcements.create({
      author: community.eig[0] ?? '',
      text: 'Je ne devrais pas partir',
      audience: { everyone: true, promotions: [], roles: [], defis: [] },
      audienceText: 'tous',
      mode: 'both',
      createdAt: new Date().toISOString(),
      state: 'scheduled',
      version: 0,
    });
    await schedules.once('announce-send', `announce-send:${draft.id}`, new Date(), { id: draft.id });
    await waitFor(() => (slack.messages('DU0').at(-1)?.text ?? '').includes('plus le rôle de coordination'));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await announcements.get(draft.id))?.state).toBe('cancelled');
  });

  it('stops what is left when cancelled half-way, and says so in the final report', async () => {
    const { id } = await postAnnouncement(bot, { text: 'Trop tôt', audience: 'eig9', mode: 'dms' });
    await waitFor(() => received() >= 5, 10_000);
    const cancelled = textOf(await command(`annuler ${id}`));
    expect(cancelled).toMatch(new RegExp(`Annonce ${id} annulée : \\d+ envois`));
    await waitFor(() => report().includes('annulée en cours d’envoi'), 10_000);
    const atCancel = received();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received()).toBe(atCancel);
    expect(atCancel).toBeLessThan(40);
    expect(report()).toContain(`${atCancel} / 40 reçues`);
    expect(textOf(await command('liste'))).toContain(`${id} · annulée`);
  });

  it('edits every copy already sent, in the channels and the DMs', async () => {
    const { id } = await postAnnouncement(bot, { text: 'Réunion *mardi*', audience: 'defi1', mode: 'both' });
    await waitFor(() => report().includes(`Annonce \`${id}\` envoyée`), 15_000);
    const form = await command(`modifier ${id}`);
    expect(form.form?.fields[0]?.initial).toBe('Réunion *mardi*');
    const preview = await bot.cohorte.router.form({
      user: coordinator,
      formId: 'annonce',
      values: { text: 'Réunion *mercredi*' },
      context: `edit:${id}`,
    });
    expect(textOf(preview)).toContain('11 copies déjà envoyées');
    const value = buttonValue(preview, 'Modifier');
    expect(
      textOf(
        await bot.cohorte.router.action({ user: coordinator, actionId: 'annonce', value, channel: 'D0' }),
      ),
    ).toContain('11 copies');
    // Défi 1's channel and its ten EIG (U10…U19), who may also hold a copy of the announcement cancelled above.
    const copies = () =>
      [
        ...slack.messages('C0DEF1'),
        ...community.users.slice(11, 21).flatMap((u) => slack.messages(`D${u.id}`)),
      ].filter((m) => m.text.startsWith('Réunion'));
    await waitFor(() => copies().every((m) => m.text === 'Réunion *mercredi*'), 10_000);
    expect(copies()).toHaveLength(11);
    expect(copies().every((m) => m.edited !== undefined)).toBe(true);
  });

  it('sends a scheduled announcement at its Europe/Paris time, not before', async () => {
    const { id, confirmation } = await postAnnouncement(bot, {
      text: 'Cet été',
      audience: 'defi2',
      mode: 'channels',
      when: '2027-07-01 09:30',
    });
    expect(confirmation).toContain('programmée pour le jeudi 1er juillet 2027 à 09:30');
    const job = await bot.cohorte.queues.jobs.getJob(jobIdOf(`announce-send:${id}`));
    // 09:30 in Paris in summer is 07:30 UTC. BullMQ stamps the job with its own Date.now(), a few ms after the delay
    // was computed, so the due time is exact to within the time the add took.
    const due = (job?.timestamp ?? 0) + (job?.delay ?? 0);
    expect(Math.abs(due - Date.parse('2027-07-01T07:30:00Z'))).toBeLessThan(1000);
    expect(await job?.getState()).toBe('delayed');
    expect(slack.messages('C0DEF2')).toHaveLength(0);
    expect(textOf(await command('liste'))).toContain(`${id} · programmée`);
    await job?.promote();
    await waitFor(() => slack.messages('C0DEF2').length === 1, 10_000);
    expect(slack.messages('C0DEF2')[0]?.text).toBe('Cet été');
  });
});
