import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPEN_STANDUP_ACTION } from '../../src/core/standup/form.js';
import { type Period, periodAt } from '../../src/core/standup/period.js';
import { formatDateTime } from '../../src/core/time/format.js';
import {
  clickBody,
  fixturePayload,
  PEOPLE,
  postToBot,
  type SlackAnswer,
  type SlackE2e,
  shown,
  startSlackE2e,
} from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const { ines } = PEOPLE;
// A mentor of lexiq in test/fixtures/community.yml, and no EIG.
const julien = { id: 'U0JULIEN', email: 'julien.garnier@justice.gouv.fr', name: 'Julien Garnier' };
const RITUAL = 'standup-eig7';
const CHANNEL = 'C0DEFILEXIQ';

const limits = z
  .looseObject({ view: z.looseObject({ title_max: z.looseObject({ value: z.number() }) }) })
  .parse(
    JSON.parse(readFileSync(new URL('../fixtures/slack/block_kit_limits.json', import.meta.url), 'utf8')),
  );
const TITLE_MAX = limits.view.title_max.value;

const PlainText = z.looseObject({ type: z.literal('plain_text'), text: z.string() });
const OptionSchema = z.looseObject({ text: PlainText, value: z.string() });
const InputSchema = z.looseObject({
  type: z.literal('input'),
  block_id: z.string(),
  label: PlainText,
  optional: z.boolean().optional(),
  element: z.looseObject({
    type: z.enum(['static_select', 'plain_text_input']),
    action_id: z.string(),
    options: z.array(OptionSchema).optional(),
    initial_option: OptionSchema.optional(),
    multiline: z.boolean().optional(),
    max_length: z.number().optional(),
    initial_value: z.string().optional(),
  }),
});
const ModalSchema = z.looseObject({
  type: z.literal('modal'),
  callback_id: z.string(),
  title: PlainText,
  submit: PlainText.optional(),
  close: PlainText.optional(),
  private_metadata: z.string(),
  blocks: z.array(InputSchema),
});
type Modal = z.infer<typeof ModalSchema>;

let triggers = 0;
/** A fresh `trigger_id` as Slack hands one out with each command or click (one use each, as on Slack). */
const nextTrigger = () => `${Date.now()}.${++triggers}.standup`;

/**
 * `/standup <text>` as Slack posts it: the recorded bolt-python slash command with this user, text, channel,
 * response URL and a fresh trigger.
 */
function standupBody(userId: string, text: string, responseUrl: string, triggerId: string): string {
  const fields = Object.entries(fixturePayload('slash_command.bolt-python.json')).map(
    ([key, value]) => [key, String(value)] as [string, string],
  );
  const body = new URLSearchParams(fields);
  body.set('user_id', userId);
  body.set('user_name', userId.toLowerCase());
  body.set('channel_id', CHANNEL);
  body.set('channel_name', 'defi-lexiq');
  body.set('command', '/standup');
  body.set('text', text);
  body.set('response_url', responseUrl);
  body.set('trigger_id', triggerId);
  return body.toString();
}

/**
 * The submission of `view` as Slack posts it: the recorded bolt-python `view_submission` payload with this user,
 * the opened view's callback id, metadata and blocks, and each answer in `state.values` as Slack shapes it
 * (a select's `selected_option`, the option whose text the person picked; a text input's `value`; `null` when
 * left empty).
 */
function submissionBody(userId: string, view: Modal, answers: Record<string, string>): string {
  const payload = fixturePayload('view_submission.bolt-python.json');
  const user = z.record(z.string(), z.unknown()).parse(payload.user);
  const recorded = z.record(z.string(), z.unknown()).parse(payload.view);
  const values = Object.fromEntries(
    view.blocks.map((block) => {
      const value = answers[block.block_id];
      const state =
        block.element.type === 'static_select'
          ? {
              type: 'static_select',
              selected_option:
                value === undefined ? null : block.element.options?.find((o) => o.text.text === value),
            }
          : { type: 'plain_text_input', value: value ?? null };
      return [block.block_id, { [block.element.action_id]: state }];
    }),
  );
  payload.user = { ...user, id: userId, username: userId.toLowerCase(), name: userId.toLowerCase() };
  payload.trigger_id = nextTrigger();
  payload.view = {
    ...recorded,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    title: view.title,
    blocks: view.blocks,
    state: { values },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The answers Inès gives in the form, with text Slack must not read as markup. */
const ANSWERS = {
  meteo: '🌤️',
  priorites: 'Recette du moteur & mise en prod <!channel>',
  difficultes: 'Réussite : la démo.\nDifficulté : l’accès aux données',
  aide: 'Un avis RGPD sur la pseudonymisation',
};
const ESCAPED_PRIORITES = 'Recette du moteur &amp; mise en prod &lt;!channel&gt;';

describe('/standup through the real Slack receiver, signed as Slack signs', () => {
  let e2e: SlackE2e;
  let started: SlackE2e | undefined;
  let period: Period;

  beforeEach(async () => {
    e2e = await startSlackE2e('slack-standup');
    started = e2e;
    e2e.double.addUser(julien);
    const data = e2e.bot.cohorte.services.roster.data;
    const ritual = data.standups.find((r) => r.id === RITUAL);
    const promotion = data.promotions.find((p) => p.id === ritual?.promotion);
    const open = ritual && promotion ? periodAt(ritual, promotion, new Date(), data.timezone) : undefined;
    if (!open) throw new Error(`${RITUAL} has no period now (${new Date().toISOString()}): tests need one`);
    period = open;
  });
  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });

  const store = () => e2e.bot.cohorte.stores.standups;

  /** Types `/standup <text>` as `userId` in the défi's channel, with a fresh trigger. */
  async function standup(userId: string, text = '', responseId = 'standup') {
    const triggerId = nextTrigger();
    const answer = await postToBot(
      e2e.bot,
      standupBody(userId, text, e2e.double.responseUrl(responseId), triggerId),
    );
    return { answer, triggerId };
  }

  /** The views.open calls the double received, with their trigger and modal. */
  const opened = () =>
    e2e.double.callsTo('views.open').map((call) => ({
      triggerId: call.args.trigger_id,
      status: call.status,
      error: call.error,
      view: ModalSchema.parse(call.args.view),
    }));

  /** Waits for the `n`-th modal to open and returns it, after checking it came with `triggerId`. */
  async function modalNumber(n: number, triggerId: string): Promise<Modal> {
    await waitFor(() => opened().length >= n, 5000, `views.open #${n}`);
    const calls = opened();
    expect(calls).toHaveLength(n);
    const call = calls[n - 1];
    expect(call?.triggerId).toBe(triggerId);
    expect(call?.error).toBeUndefined();
    return call?.view as Modal;
  }

  function expectEmptyAck(answer: SlackAnswer): void {
    expect(answer.status).toBe(200);
    expect(answer.raw).toBe('');
    expect(answer.ms).toBeLessThan(3000);
  }

  /** The stand-up modal: four input blocks, the météo a select of 5, three text areas of at most 500. */
  function expectStandupModal(view: Modal): void {
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('standup');
    expect(view.title.text).toBe('Mon stand-up');
    expect(view.title.text.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(view.submit?.text.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(view.close?.text.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(view.blocks.map((b) => b.block_id)).toEqual(['meteo', 'priorites', 'difficultes', 'aide']);
    expect(view.blocks.map((b) => b.label.text)).toEqual([
      'Météo',
      'Priorités de la semaine',
      'Réussites et difficultés',
      'Besoin d’aide ?',
    ]);
    const [meteo, ...texts] = view.blocks;
    expect(meteo?.element.type).toBe('static_select');
    expect(meteo?.element.action_id).toBe('value');
    // The value is the choice's number, not its label: a label from community.yml may be longer than an option
    // value may be (75 characters in @slack/types, 150 in Slack's docs).
    expect(meteo?.element.options?.map((o) => o.text.text)).toEqual(['☀️', '🌤️', '☁️', '🌧️', '⛈️']);
    expect(meteo?.element.options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(texts).toHaveLength(3);
    for (const block of texts) {
      expect(block.element.type).toBe('plain_text_input');
      expect(block.element.action_id).toBe('value');
      expect(block.element.multiline).toBe(true);
      expect(block.element.max_length).toBe(500);
    }
    expect(JSON.parse(view.private_metadata)).toEqual({
      channel: CHANNEL,
      context: `${RITUAL}|${period.id}`,
    });
  }

  it('opens the form in a modal, records the submission, confirms it in the channel and prefills it next time', async () => {
    const { answer, triggerId } = await standup(ines.id);
    expectEmptyAck(answer);
    const modal = await modalNumber(1, triggerId);
    expectStandupModal(modal);
    // Nothing written yet: nothing to prefill.
    for (const block of modal.blocks) {
      expect(block.element.initial_value).toBeUndefined();
      expect(block.element.initial_option).toBeUndefined();
    }
    expect(e2e.double.responses('standup')).toEqual([]);

    const submitted = await postToBot(e2e.bot, submissionBody(ines.id, modal, ANSWERS));
    expect(submitted.status).toBe(200);
    // An empty body closes the modal.
    expect(submitted.raw).toBe('');
    expect(submitted.ms).toBeLessThan(3000);

    await waitFor(() => e2e.double.callsTo('chat.postEphemeral').length > 0, 5000, 'the confirmation');
    const [confirmation, ...others] = e2e.double.callsTo('chat.postEphemeral');
    expect(others).toEqual([]);
    expect(confirmation?.error).toBeUndefined();
    expect(confirmation?.args.channel).toBe(CHANNEL);
    expect(confirmation?.args.user).toBe(ines.id);
    const deadline = formatDateTime(period.deadlineAt, 'Europe/Paris', 'fr');
    expect(shown(confirmation?.args).split('\n')).toEqual([
      `C’est noté ! Vous pouvez le modifier jusqu’au ${deadline} en le renvoyant.`,
      '*Inès Moreau* 🌤️',
      `_Priorités de la semaine_ : ${ESCAPED_PRIORITES}`,
      '_Réussites et difficultés_ : Réussite : la démo.',
      'Difficulté : l’accès aux données',
      '_Besoin d’aide ?_ : Un avis RGPD sur la pseudonymisation',
      'Lu par : Julien Garnier, la coordination.',
    ]);
    expect(String(confirmation?.args.text)).toContain('C’est noté');
    expect(JSON.stringify(confirmation?.args)).not.toContain('<!channel>');

    const stored = await store().entry(RITUAL, period.id, ines.email);
    expect(stored?.answers).toEqual(ANSWERS);
    expect(stored?.edits).toBe(0);
    expect((await store().last(ines.email))?.answers).toEqual(ANSWERS);
    expect(await store().history(ines.email, 5)).toEqual([{ ritualId: RITUAL, periodId: period.id }]);
    const [help, ...moreHelp] = await store().helpFor(RITUAL, period.id);
    expect(moreHelp).toEqual([]);
    expect(help).toMatchObject({ email: ines.email, defiId: 'lexiq', text: ANSWERS.aide });

    const again = await standup(ines.id, '', 'standup-again');
    expectEmptyAck(again.answer);
    const prefilled = await modalNumber(2, again.triggerId);
    expectStandupModal(prefilled);
    const [meteo, priorites, difficultes, aide] = prefilled.blocks;
    expect(meteo?.element.initial_option?.value).toBe('2');
    expect(meteo?.element.initial_option?.text.text).toBe(ANSWERS.meteo);
    expect(priorites?.element.initial_value).toBe(ANSWERS.priorites);
    expect(difficultes?.element.initial_value).toBe(ANSWERS.difficultes);
    expect(aide?.element.initial_value).toBe(ANSWERS.aide);
  });

  it('keeps the modal open with the error on the field when an answer is 501 characters, and stores nothing', async () => {
    const { answer, triggerId } = await standup(ines.id);
    expectEmptyAck(answer);
    const modal = await modalNumber(1, triggerId);

    const refused = await postToBot(
      e2e.bot,
      submissionBody(ines.id, modal, { ...ANSWERS, difficultes: 'x'.repeat(501) }),
    );
    expect(refused.status).toBe(200);
    expect(refused.ms).toBeLessThan(3000);
    expect(JSON.parse(refused.raw)).toEqual({
      response_action: 'errors',
      errors: {
        difficultes:
          '« Réussites et difficultés » fait 501 caractères ; la limite est de 500. Raccourcissez-le puis renvoyez-le.',
      },
    });

    expect(await store().entry(RITUAL, period.id, ines.email)).toBeUndefined();
    expect(await store().last(ines.email)).toBeUndefined();
    expect(await store().helpFor(RITUAL, period.id)).toEqual([]);
    // The listener returns right after the acknowledgement; give a stray confirmation the time to show.
    await sleep(300);
    expect(e2e.double.callsTo('chat.postEphemeral')).toEqual([]);
    expect(e2e.double.callsTo('chat.postMessage')).toEqual([]);
  });

  it('records `/standup priorités: … ; aide: …` at once and confirms it in the acknowledgement', async () => {
    const { answer } = await standup(ines.id, 'priorités: finir la recette ; aide: un avis RGPD');
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(3000);
    expect(answer.json?.response_type).toBe('ephemeral');
    const deadline = formatDateTime(period.deadlineAt, 'Europe/Paris', 'fr');
    expect(shown(answer.json).split('\n')).toEqual([
      `C’est noté ! Vous pouvez le modifier jusqu’au ${deadline} en le renvoyant.`,
      '*Inès Moreau*',
      '_Priorités de la semaine_ : finir la recette',
      '_Besoin d’aide ?_ : un avis RGPD',
      'Lu par : Julien Garnier, la coordination.',
    ]);

    const stored = await store().entry(RITUAL, period.id, ines.email);
    expect(stored?.answers).toEqual({ priorites: 'finir la recette', aide: 'un avis RGPD' });
    expect((await store().helpFor(RITUAL, period.id)).map((h) => h.text)).toEqual(['un avis RGPD']);
    expect(e2e.double.callsTo('views.open')).toEqual([]);
  });

  it('refuses a mentor, who is no EIG, without opening a form', async () => {
    const { answer } = await standup(julien.id);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(3000);
    expect(answer.json?.response_type).toBe('ephemeral');
    expect(shown(answer.json)).toBe(
      'Le stand-up est celui des EIG ; vous n’êtes EIG d’aucun défi en cours. Tapez `/cohorte moi` pour voir vos rôles.',
    );
    await sleep(300);
    expect(e2e.double.callsTo('views.open')).toEqual([]);
    expect(await store().entry(RITUAL, period.id, julien.email)).toBeUndefined();
  });

  it('opens the form from the reminder’s *Écrire mon stand-up* button', async () => {
    const triggerId = nextTrigger();
    const click = z.record(z.string(), z.unknown()).parse(
      JSON.parse(
        new URLSearchParams(
          clickBody(
            ines.id,
            // As the reminder renders it: the renderer suffixes `.n` to each button's action id.
            { actionId: `${OPEN_STANDUP_ACTION}.0`, value: '' },
            e2e.double.responseUrl('reminder'),
          ),
        ).get('payload') ?? '{}',
      ),
    );
    click.trigger_id = triggerId;
    const ack = await postToBot(e2e.bot, new URLSearchParams({ payload: JSON.stringify(click) }).toString());
    expectEmptyAck(ack);

    const modal = await modalNumber(1, triggerId);
    expect(modal.callback_id).toBe('standup');
    expect(modal.blocks).toHaveLength(4);
    // Opened from the reminder's message: the confirmation will go to that conversation.
    expect(JSON.parse(modal.private_metadata)).toEqual({
      channel: 'C111',
      context: `${RITUAL}|${period.id}`,
    });
    await sleep(200);
    expect(e2e.double.responses('reminder')).toEqual([]);
  });
});
