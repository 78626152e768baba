import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Announcement } from '../../src/core/announcement/types.js';
import type { FormOutcome } from '../../src/core/handler.js';
import { toPlainText } from '../../src/core/message.js';
import { announcementCommunity, COORDINATOR } from '../support/announcement-community.js';
import { buttonValue, coordinator, postAnnouncement, textOf } from '../support/announcement-flow.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

/** The message a form shows under `field` when it stays open, as plain text. */
const fieldError = (outcome: FormOutcome, field: string): string => {
  if (!('errors' in outcome)) throw new Error(`the form closed: ${textOf(outcome)}`);
  return toPlainText(outcome.errors[field] ?? []);
};

describe('/annonce: what people typed and clicked out of order (real Redis, BullMQ, Slack double)', () => {
  const community = announcementCommunity(20, 'input');
  let slack: SlackDouble;
  let bot: RunningCohorte;
  const command = (text: string) =>
    bot.cohorte.router.command({ user: coordinator, command: 'annonce', text, channel: 'D0' });
  const click = async (value: string) =>
    textOf(await bot.cohorte.router.action({ user: coordinator, actionId: 'annonce', value, channel: 'D0' }));
  const submitEdit = (id: string, text: string) =>
    bot.cohorte.router.form({
      user: coordinator,
      formId: 'annonce',
      values: { text },
      context: `edit:${id}`,
    });
  /** An announcement stored as it would be at some point of its life, without going through the form. */
  const stored = (fields: Partial<Announcement> & Pick<Announcement, 'state'>) =>
    bot.cohorte.services.announcements.create({
      author: COORDINATOR.email,
      text: 'Texte d’origine',
      audience: { everyone: false, promotions: [], roles: [], defis: ['defi1'] },
      audienceText: 'defi1',
      mode: 'channels',
      createdAt: new Date().toISOString(),
      version: 0,
      ...fields,
    });

  beforeAll(async () => {
    slack = await startSlackDouble({ users: community.users });
    bot = await startCohorte({
      name: 'announcement-input',
      slackApiUrl: slack.url,
      communityFile: community.file,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
  });

  it('opens the form with the words typed after /annonce as its text, line breaks kept', async () => {
    const reply = await command('Bonjour à tous,\nréunion *mardi* à 10 h.');
    const text = reply.form?.fields.find((f) => f.id === 'text');
    expect(text?.initial).toBe('Bonjour à tous,\nréunion *mardi* à 10 h.');
    expect((await command('')).form?.fields.find((f) => f.id === 'text')?.initial).toBeUndefined();
    expect(textOf(await command('liste'))).not.toContain('Bonjour');
  });

  it('answers a second click on Envoyer with where the announcement stands, and sends it once', async () => {
    const { id, preview } = await postAnnouncement(bot, {
      text: 'Une seule fois',
      audience: 'defi0',
      mode: 'channels',
    });
    const again = await click(`send:${id}`);
    expect(again).toMatch(
      new RegExp(`L’annonce ${id} est déjà (programmée|en cours d’envoi|envoyée) : ce bouton`),
    );
    expect(again).not.toContain('je vous écris');
    await waitFor(() => slack.messages('C0DEF0').some((m) => m.text === 'Une seule fois'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.messages('C0DEF0').filter((m) => m.text === 'Une seule fois')).toHaveLength(1);
    expect(preview).toContain('Envoi dès confirmation');
  });

  it('says a sent or cancelled announcement is sent or cancelled, not « en cours d’envoi »', async () => {
    const sent = await stored({ state: 'sent' });
    expect(await click(`send:${sent.id}`)).toContain(`L’annonce ${sent.id} est déjà envoyée`);
    const cancelled = await stored({ state: 'cancelled', at: '2027-07-01T07:30:00.000Z' });
    const answer = await click(`send:${cancelled.id}`);
    expect(answer).toContain(`L’annonce ${cancelled.id} est déjà annulée`);
    expect(answer).not.toContain('programmée');
    expect((await bot.cohorte.services.announcements.get(cancelled.id))?.state).toBe('cancelled');
  });

  it('sends at once a draft whose time passed while its preview waited, and says so', async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    const draft = await stored({ state: 'draft', text: 'En retard', at: hourAgo.toISOString() });
    const answer = await click(`send:${draft.id}`);
    expect(answer).toContain('L’heure prévue');
    expect(answer).toContain(`est passée pendant l’aperçu : l’annonce ${draft.id} part maintenant`);
    expect(answer).not.toContain('programmée pour');
    await waitFor(() => slack.messages('C0DEF1').some((m) => m.text === 'En retard'), 10_000);
    const at = (await bot.cohorte.services.announcements.get(draft.id))?.at ?? '';
    expect(Date.parse(at)).toBeGreaterThan(hourAgo.getTime() + 3500_000);
  });

  it('does not claim « rien n’a été envoyé » for an announcement already confirmed', async () => {
    const { id } = await postAnnouncement(bot, {
      text: 'Plus tard',
      audience: 'defi0',
      mode: 'channels',
      when: '2027-07-01 09:30',
    });
    const answer = await click(`drop:${id}`);
    expect(answer).not.toContain('rien n’a été envoyé');
    expect(answer).toContain(`L’annonce ${id} est déjà programmée`);
    expect(answer).toContain(`/annonce annuler ${id}`);
    expect((await bot.cohorte.services.announcements.get(id))?.state).toBe('scheduled');
    expect(textOf(await command(`annuler ${id}`))).toContain(`Annonce ${id} annulée`);
    const sent = await stored({ state: 'sent' });
    expect(await click(`drop:${sent.id}`)).toContain(`L’annonce ${sent.id} est déjà envoyée`);
    const draft = await stored({ state: 'draft' });
    expect(await click(`drop:${draft.id}`)).toContain('Annonce abandonnée : rien n’a été envoyé.');
  });

  it('keeps the edit form open with its text when the announcement cannot be found or edited', async () => {
    const missing = await submitEdit('zzzzzz', 'Texte corrigé');
    expect(fieldError(missing, 'text')).toContain('Je ne trouve pas l’annonce zzzzzz');
    const draft = await stored({ state: 'draft' });
    expect(fieldError(await submitEdit(draft.id, 'Texte corrigé'), 'text')).toContain(
      `Je ne trouve pas l’annonce ${draft.id}`,
    );
    expect((await bot.cohorte.services.announcements.get(draft.id))?.pendingText).toBeUndefined();
  });

  it('applies only the latest edit preview: an older Modifier button says a newer edit replaced it', async () => {
    const { announcements } = bot.cohorte.services;
    const sent = await stored({ state: 'sent' });
    const first = await submitEdit(sent.id, 'Première correction');
    const second = await submitEdit(sent.id, 'Seconde correction');
    expect(await click(buttonValue(first, 'Modifier'))).toContain(
      `Une modification plus récente de l’annonce ${sent.id} a remplacé celle-ci`,
    );
    // The older preview's Abandonner leaves the newer edit pending.
    expect(await click(buttonValue(first, 'Abandonner'))).toContain('Modification abandonnée');
    expect((await announcements.get(sent.id))?.text).toBe('Texte d’origine');
    expect(await click(buttonValue(second, 'Modifier'))).toContain(
      `Modification de l’annonce ${sent.id} enregistrée`,
    );
    expect((await announcements.get(sent.id))?.text).toBe('Seconde correction');
    expect(await click(buttonValue(second, 'Modifier'))).toContain('est déjà enregistrée');
    expect(await click(buttonValue(first, 'Modifier'))).toContain('Modification abandonnée');
    expect((await announcements.get(sent.id))?.version).toBe(1);
  });
});
