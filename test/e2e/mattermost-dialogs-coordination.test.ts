import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialogReader, elementsOf } from '../support/mattermost-dialogs.js';
import {
  command,
  type MattermostE2e,
  MM_PEOPLE,
  readable,
  SYSTEM_ADMIN_BOT,
  startMattermostE2e,
  submitDialog,
} from '../support/mattermost-e2e.js';

const { claire } = MM_PEOPLE;

// The coordinators' other forms as Mattermost interactive dialogs, opened by their command's trigger.
describe('Mattermost dialogs end to end: /rituel ajouter and /bulle import', () => {
  let e2e: MattermostE2e;
  let read: ReturnType<typeof dialogReader>;

  beforeAll(async () => {
    // A System Admin bot: its answers to dialogs are ephemeral posts in the channel.
    e2e = await startMattermostE2e('mm-dialogs-coordination', {}, { botRoles: SYSTEM_ADMIN_BOT });
    read = dialogReader(e2e);
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e?.stop();
  });

  it('/rituel ajouter and /bulle import open their dialogs for a coordinator, and what is submitted takes effect', async () => {
    await command(e2e, claire, 'ajouter', { command: 'rituel' });
    const ritual = await read.nextDialog();
    expect(ritual.dialog).toMatchObject({ callback_id: 'ritual', title: 'Nouveau rituel' });
    expect(elementsOf(ritual).find((e) => e.name === 'id')).toMatchObject({
      type: 'text',
      display_name: 'Identifiant',
      help_text: 'Identifiant (lettres, chiffres, - et _ ; ex. cafe)',
    });
    const values = {
      ...Object.fromEntries(elementsOf(ritual).map((e) => [e.name, ''])),
      id: 'cafe',
      message: 'Café du lundi ☕ @all',
      days: 'lundi',
      time: '09:45',
      nth: null,
      holidays: 'yes',
    };
    expect((await submitDialog(e2e, claire, ritual, values)).json).toEqual({});
    expect(readable(String((await read.nextEphemeral())?.post.message))).toContain(
      'C’est fait : le rituel **cafe** est créé.',
    );
    expect((await e2e.bot.cohorte.services.rituals.chatRituals()).map((r) => r.id)).toEqual(['cafe']);

    await command(e2e, claire, 'import', { command: 'bulle' });
    const workshop = await read.nextDialog();
    expect(elementsOf(workshop)).toMatchObject([
      { name: 'csv', type: 'textarea', display_name: 'CSV de l’atelier' },
    ]);
    const csv =
      'Nom ou e-mail,Métier,Thème,Sujet,Prend,Donne\nThomas Nguyen,Dev,Dev,Docker,,1\nJean Inconnu,Dev,Dev,Docker,1,\n';
    expect((await submitDialog(e2e, claire, workshop, { csv })).json).toEqual({});
    const report = readable(String((await read.nextEphemeral())?.post.message));
    expect(report).toContain('1 bulle importée pour 1 personne');
    expect(report).toContain('Jean Inconnu (3)');
  });
});
