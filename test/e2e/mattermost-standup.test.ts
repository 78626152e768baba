import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMattermost } from '../../src/chat/mattermost/mattermost-render.js';
import { createSigner } from '../../src/chat/mattermost/mattermost-sign.js';
import { OPEN_STANDUP_ACTION } from '../../src/core/standup/form.js';
import { type Period, periodAt } from '../../src/core/standup/period.js';
import { formatDateTime } from '../../src/core/time/format.js';
import {
  buttonsOfMm,
  click,
  command,
  type MattermostE2e,
  MM_CHANNELS,
  MM_PEOPLE,
  readable,
  SYSTEM_ADMIN_BOT,
  startMattermostE2e,
  submitDialog,
} from '../support/mattermost-e2e.js';
import { waitFor } from '../support/wait.js';

const { ines, julien } = MM_PEOPLE;
const RITUAL = 'standup-eig7';
const ANSWERS = {
  meteo: '🌤️',
  priorites: 'Recette du moteur & mise en prod @channel',
  difficultes: 'Réussite : la démo.\nDifficulté : l’accès aux données',
  aide: 'Un avis RGPD sur la pseudonymisation',
};

describe('/standup on Mattermost: the form as an interactive dialog', () => {
  let e2e: MattermostE2e;
  let period: Period;

  beforeEach(async () => {
    // A System Admin bot: its answers to dialogs are ephemeral posts in the channel.
    e2e = await startMattermostE2e('mm-standup', {}, { botRoles: SYSTEM_ADMIN_BOT });
    const data = e2e.bot.cohorte.services.roster.data;
    const ritual = data.standups.find((r) => r.id === RITUAL);
    const promotion = data.promotions.find((p) => p.id === ritual?.promotion);
    const open = ritual && promotion ? periodAt(ritual, promotion, new Date(), data.timezone) : undefined;
    if (!open) throw new Error(`${RITUAL} has no period now: tests need one`);
    period = open;
  });
  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e?.stop();
  });

  const store = () => e2e.bot.cohorte.stores.standups;

  async function openedDialog(n: number) {
    await waitFor(() => e2e.double.dialogs().length >= n, 5000, `dialog #${n}`);
    const opened = e2e.double.dialogs()[n - 1];
    if (!opened) throw new Error('no dialog');
    return opened;
  }

  it('opens the dialog, stores the submission, confirms it ephemerally and prefills it next time', async () => {
    const answer = await command(e2e, ines, '', { command: 'standup', channel: MM_CHANNELS.lexiq });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({});
    const opened = await openedDialog(1);
    expect(opened.url).toBe(`${e2e.bot.baseUrl}/mattermost/dialog`);
    const dialog = opened.dialog as {
      callback_id: string;
      title: string;
      elements: Record<string, unknown>[];
    };
    expect(dialog.callback_id).toBe('standup');
    expect(dialog.title).toBe('Mon stand-up');
    expect(dialog.elements.map((e) => [e.name, e.type, e.display_name])).toEqual([
      ['meteo', 'select', 'Météo'],
      ['priorites', 'textarea', 'Priorités de la semaine'],
      ['difficultes', 'textarea', 'Réussites, difficultés'],
      ['aide', 'textarea', 'Besoin d’aide ?'],
    ]);
    // The server counts bytes (Go's len()): « Réussites et difficultés » is 24 characters but 26 bytes, so its
    // short label, whole, is above the field and the full one is its help text.
    for (const element of dialog.elements)
      expect(Buffer.byteLength(String(element.display_name))).toBeLessThanOrEqual(24);
    expect(dialog.elements[2]?.help_text).toBe('Réussites et difficultés');
    expect(e2e.double.offSpec).toEqual([]);

    // A select sends its option's value: the choice's number (🌤️ is the second).
    const meteo = dialog.elements[0] as { options: { text: string; value: string }[] };
    expect(meteo.options.map((o) => [o.value, o.text])).toEqual([
      ['1', '☀️'],
      ['2', '🌤️'],
      ['3', '☁️'],
      ['4', '🌧️'],
      ['5', '⛈️'],
    ]);
    const submitted = await submitDialog(e2e, ines, opened, { ...ANSWERS, meteo: '2' }, MM_CHANNELS.lexiq);
    expect(submitted.status).toBe(200);
    expect(submitted.json).toEqual({});
    await waitFor(() => e2e.double.ephemerals().length === 1, 5000, 'the confirmation');
    const [confirmation] = e2e.double.ephemerals();
    expect(confirmation?.user_id).toBe(ines.id);
    expect(confirmation?.post.channel_id).toBe(MM_CHANNELS.lexiq);
    const deadline = formatDateTime(period.deadlineAt, 'Europe/Paris', 'fr');
    const message = readable(String(confirmation?.post.message));
    expect(message).toContain(`C’est noté ! Vous pouvez le modifier jusqu’au ${deadline} en le renvoyant.`);
    expect(message).toContain('Recette du moteur & mise en prod @\u200Bchannel');
    expect(message).not.toMatch(/@channel\b/);

    const stored = await store().entry(RITUAL, period.id, ines.email);
    expect(stored?.answers).toEqual(ANSWERS);

    await command(e2e, ines, '', { command: 'standup', channel: MM_CHANNELS.lexiq });
    const again = (await openedDialog(2)).dialog as { elements: Record<string, unknown>[] };
    expect(again.elements.map((e) => e.default)).toEqual([
      '2',
      ANSWERS.priorites,
      ANSWERS.difficultes,
      ANSWERS.aide,
    ]);
  });

  it('keeps the dialog open with the error on the field for 501 characters, and stores nothing', async () => {
    await command(e2e, ines, '', { command: 'standup', channel: MM_CHANNELS.lexiq });
    const opened = await openedDialog(1);
    const refused = await submitDialog(e2e, ines, opened, { ...ANSWERS, difficultes: 'x'.repeat(501) });
    expect(refused.status).toBe(200);
    expect(refused.json).toEqual({
      errors: {
        difficultes:
          '« Réussites et difficultés » fait 501 caractères ; la limite est de 500. Raccourcissez-le puis renvoyez-le.',
      },
    });
    expect(await store().entry(RITUAL, period.id, ines.email)).toBeUndefined();
  });

  it('refuses a submission whose state was altered or that someone else sends', async () => {
    await command(e2e, ines, '', { command: 'standup', channel: MM_CHANNELS.lexiq });
    const opened = await openedDialog(1);
    const state = JSON.parse(String(opened.dialog.state)) as { x: string; s: string };
    const altered = {
      ...opened,
      dialog: { ...opened.dialog, state: JSON.stringify({ ...state, x: 'autre|2026-W01' }) },
    };
    for (const [who, dialog] of [
      [ines, altered],
      [julien, opened],
    ] as const) {
      const answer = await submitDialog(e2e, who, dialog, ANSWERS);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ error: expect.stringContaining('Ce formulaire n’est pas valable') });
    }
    expect(await store().entry(RITUAL, period.id, ines.email)).toBeUndefined();
  });

  it('refuses a mentor, who is no EIG, without opening a dialog', async () => {
    const answer = await command(e2e, julien, '', { command: 'standup' });
    expect(answer.json?.text).toBe(
      'Le stand-up est celui des EIG ; vous n’êtes EIG d’aucun défi en cours. Tapez `/cohorte moi` pour voir vos rôles.',
    );
    await sleep(200);
    expect(e2e.double.dialogs()).toEqual([]);
  });

  it('opens the dialog from a signed *Écrire mon stand-up* button', async () => {
    const answer = await command(e2e, ines, 'priorités: finir la recette', { command: 'standup' });
    expect(String(answer.json?.text)).toContain('C’est noté');
    // The reminder's button as the outbox renders it (no person bound: anyone who sees it may click).
    const [post] = renderMattermost(
      {
        fallback: [],
        blocks: [{ kind: 'actions', buttons: [{ actionId: OPEN_STANDUP_ACTION, label: [], value: '' }] }],
      },
      { actionUrl: `${e2e.bot.baseUrl}/mattermost/action`, signer: createSigner(e2e.double.token) },
    );
    const [button] = buttonsOfMm(post);
    if (!button) throw new Error('no button');
    const clicked = await click(e2e, ines, button);
    expect(clicked.json).toEqual({});
    const opened = await openedDialog(1);
    expect((opened.dialog as { callback_id: string }).callback_id).toBe('standup');
  });
});
