import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choiceOf } from '../../src/core/bulle/messages.js';
import { bulleDriver } from '../support/bulle-slack.js';
import { type ClockedSlack, EIG, OTHERS, startClockedSlack } from '../support/clocked-slack.js';
import { buttonsOf, shown } from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const { ines, thomas, sarah, lucas, amina, hugo } = EIG;
const { camille, yanis } = OTHERS;
const MONDAY = '2026-11-23T10:00:00+01:00';

const ephemeral = (answer: { status: number; json?: Record<string, unknown> | undefined }) => {
  expect(answer.status).toBe(200);
  expect(answer.json?.response_type).toBe('ephemeral');
  return shown(answer.json);
};

describe('a bulloterie request from open to paired, with a clock the test controls', () => {
  let week: ClockedSlack;
  let bulle: ReturnType<typeof bulleDriver>;
  let requestId = '';
  let first = '';
  let second = '';

  beforeAll(async () => {
    week = await startClockedSlack({ name: 'bulle-life', at: MONDAY, moreUsers: Object.values(OTHERS) });
    bulle = bulleDriver(week);
  });
  afterAll(async () => {
    await week?.stop();
  });

  const store = () => week.bot.cohorte.stores.bulle;
  const emailOf = (userId: string) => Object.values(EIG).find((p) => p.id === userId)?.email;

  it('Inès asks for Docker: the first candidate gets a DM with why and two buttons, Inès is told', async () => {
    expect(ephemeral(await bulle.command(lucas.id, 'partage docker, Python'))).toContain(
      'vous partagez : Docker, Python',
    );
    expect(ephemeral(await bulle.command(hugo.id, 'partage Dockr'))).toContain(
      '« Dockr » est compris comme *Docker*',
    );
    const asked = ephemeral(await bulle.command(ines.id, 'cherche Docker — déployer notre API'));
    expect(asked).toContain('Demande enregistrée : *Docker*');

    await waitFor(() => bulle.dms(lucas.id).length + bulle.dms(hugo.id).length === 1, 8000, 'one proposal');
    const [proposal] = [...bulle.dms(lucas.id), ...bulle.dms(hugo.id)];
    first = bulle.dms(lucas.id).length ? lucas.id : hugo.id;
    second = first === lucas.id ? hugo.id : lucas.id;
    const text = shown(proposal);
    expect(text).toContain('*Inès Moreau* cherche de l’aide sur *Docker*');
    expect(text).toContain('Précisions : déployer notre API');
    expect(text).toContain('Proposé parce que vous partagez : Docker.');
    expect(text).toContain('Sans réponse avant le jeudi 26 novembre 2026 à 10:00');
    const buttons = buttonsOf(proposal);
    expect(buttons.map((b) => b.label)).toEqual(['Accepter', 'Pas disponible']);
    requestId = choiceOf(buttons[0]?.value ?? '').id;

    await waitFor(() => bulle.dms(ines.id).length === 1);
    expect(shown(bulle.dms(ines.id)[0])).toContain('jusqu’au jeudi 26 novembre 2026 à 10:00 pour répondre');
    const timer = await bulle.timer(`bulle-timeout:${requestId}:1`);
    expect(await timer?.getState()).toBe('delayed');
    expect(timer?.delay).toBe(72 * 3600_000);
  });

  it('the first candidate is not available: the timer goes, the second candidate is asked', async () => {
    const reply = await bulle.click(first, bulle.button(first, 'Pas disponible'));
    expect(reply.replace_original).toBe(true);
    expect(shown(reply)).toBe('C’est noté, merci d’avoir répondu.');
    expect(await bulle.timer(`bulle-timeout:${requestId}:1`)).toBeUndefined();
    await waitFor(() => bulle.dms(second).length === 1, 8000, 'the second proposal');
    expect(await store().request(requestId)).toMatchObject({
      status: 'proposed',
      attempt: 2,
      tried: [emailOf(first)],
    });

    const again = await bulle.click(first, bulle.button(first, 'Accepter'));
    expect(shown(again)).toContain('n’est plus d’actualité');
  });

  it('72 hours without an answer: the second candidate is told, nobody is left, the alumni channel is asked', async () => {
    week.setTime('2026-11-26T10:00:00+01:00');
    expect(await bulle.fire(`bulle-timeout:${requestId}:2`)).toContain('expired, now open');
    expect(shown(bulle.dms(second).at(-1))).toContain(
      'Sans réponse de votre part, la demande sur *Docker* (Inès Moreau)',
    );
    const [post, ...more] = week.double.messages('#eig-alumni');
    expect(more).toEqual([]);
    expect(shown(post)).toContain('Qui peut aider ? *Inès Moreau* cherche de l’aide sur *Docker*.');
    expect(buttonsOf(post).map((b) => b.label)).toEqual(['Je peux aider']);
    // Told of each proposal, then of the post in the alumni channel.
    await waitFor(() => bulle.dms(ines.id).length === 3);
    expect(shown(bulle.dms(ines.id)[2])).toContain('publiée dans #eig-alumni pour les alumni et les mentors');

    // The first proposal's timer, had it not been removed, would change nothing now.
    await week.bot.cohorte.queues.jobs.add('bulle-timeout', { requestId, attempt: 1 });
    expect((await store().request(requestId))?.status).toBe('open');
  });

  it('an EIG cannot answer from the alumni channel; two alumni clicking at once make exactly one pairing', async () => {
    const [post] = week.double.messages('#eig-alumni');
    const canHelp = buttonsOf(post)[0];
    if (!canHelp) throw new Error('no button');
    expect(shown(await bulle.click(thomas.id, canHelp))).toContain(
      'Ce bouton est pour les alumni et les mentors',
    );

    const opensBefore = week.double.callsTo('conversations.open').length;
    const replies = await Promise.all([bulle.click(camille.id, canHelp), bulle.click(yanis.id, canHelp)]);
    const texts = replies.map((r) => shown(r));
    const winners = replies.filter((r) => r.response_type === 'in_channel');
    expect(winners).toHaveLength(1);
    expect(texts.filter((t) => t === 'Merci ! Quelqu’un a déjà proposé son aide.')).toHaveLength(1);
    const request = await store().request(requestId);
    expect(request?.status).toBe('accepted');
    const helper = request?.helper === camille.email ? camille : yanis;
    expect(shown(winners[0])).toBe(`${helper.name} aide Inès Moreau sur *Docker*. Merci !`);

    const groupId = () =>
      week.double
        .callsTo('chat.postMessage')
        .map((c) => String(c.args.channel))
        .find((c) => c.startsWith('G'));
    await waitFor(() => groupId() !== undefined, 8000, 'the introduction in a group DM');
    const groups = week.double
      .callsTo('conversations.open')
      .slice(opensBefore)
      .filter((c) => String(c.args.users).includes(','));
    expect(groups.map((c) => String(c.args.users).split(',').sort())).toEqual([[helper.id, ines.id].sort()]);
    expect(shown(week.double.messages(groupId() ?? '')[0])).toContain(
      `Bonjour Inès Moreau et ${helper.name} !`,
    );
    expect(await (await bulle.timer(`bulle-followup:${requestId}`))?.getState()).toBe('delayed');
  });

  it('14 days later Inès is asked whether they met; her answer is recorded once', async () => {
    week.setTime('2026-12-10T10:00:00+01:00');
    expect(await bulle.fire(`bulle-followup:${requestId}`)).toContain('follow-up asked');
    const question = bulle.dms(ines.id).at(-1);
    expect(shown(question)).toContain('Avez-vous pu échanger avec');
    const reply = await bulle.click(ines.id, bulle.button(ines.id, 'Oui, nous avons échangé'));
    expect(shown(reply)).toBe('Merci, c’est noté ! Bonne continuation.');
    expect((await store().request(requestId))?.status).toBe('met');
    expect(shown(await bulle.click(ines.id, bulle.button(ines.id, 'Non, pas encore')))).toContain(
      'plus d’actualité',
    );
    expect((await store().request(requestId))?.status).toBe('met');
  });

  it('Sarah cancels her request: the person asked is told, the timer goes, a late accept does nothing', async () => {
    ephemeral(await bulle.command(amina.id, 'partage SQL'));
    expect(ephemeral(await bulle.command(sarah.id, 'cherche postgres'))).toContain('*PostgreSQL*');
    await waitFor(() => bulle.dms(amina.id).length === 1, 8000, 'the proposal to Amina');
    expect(shown(bulle.dms(amina.id)[0])).toContain(
      'Proposé parce que vous partagez : SQL, proche de PostgreSQL.',
    );
    const id = choiceOf(bulle.button(amina.id, 'Accepter').value).id;
    await waitFor(() => bulle.dms(sarah.id).length === 1);

    expect(shown(await bulle.click(thomas.id, bulle.button(sarah.id, 'Annuler la demande')))).toContain(
      'Seule la personne qui a fait cette demande',
    );
    const reply = await bulle.click(sarah.id, bulle.button(sarah.id, 'Annuler la demande'));
    expect(shown(reply)).toBe('Votre demande *PostgreSQL* est annulée.');
    await waitFor(() => bulle.dms(amina.id).length === 2, 8000, 'Amina is told');
    expect(shown(bulle.dms(amina.id)[1])).toContain('Sarah Lefebvre a annulé sa demande sur *PostgreSQL*');
    expect(await bulle.timer(`bulle-timeout:${id}:1`)).toBeUndefined();
    expect(shown(await bulle.click(amina.id, bulle.button(amina.id, 'Accepter')))).toContain(
      'plus d’actualité',
    );
    expect((await store().request(id))?.status).toBe('cancelled');
  });
});
