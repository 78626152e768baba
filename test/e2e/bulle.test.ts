import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClockedChat, PLATFORMS, startClockedChat } from '../support/clocked-chat.js';
import { EIG, OTHERS } from '../support/clocked-slack.js';
import { waitFor } from '../support/wait.js';

const { ines, amina, thomas } = EIG;
const { julien } = OTHERS;

describe.each(PLATFORMS)('the bulloterie end to end on %s: a request becomes a pairing', (platform) => {
  let chat: ClockedChat;
  const toAmina = () => chat.dmPosts().filter((p) => p.to === amina.email);

  beforeAll(async () => {
    chat = await startClockedChat(platform, {
      name: 'bulle',
      at: '2026-11-23T10:00:00+01:00',
      people: Object.values(OTHERS),
    });
  });
  afterAll(async () => {
    await chat?.stop();
  });

  it('Trouver quelqu’un → DM with buttons → Accepter → group conversation with both people and the introduction', async () => {
    const shared = await chat.command(amina, 'bulle', 'partage protection des données');
    expect(shared.ephemeral).toBe(true);
    await chat.standup(ines, 'priorités: recette ; aide: un avis RGPD sur le formulaire');
    chat.setTime('2026-11-27T15:00:00+01:00');
    await chat.run('standup-digest', { ritualId: 'standup-eig7' });
    const [digest] = chat.channelPosts('#defi-lexiq');
    expect(digest?.buttons).toEqual(['Trouver quelqu’un']);

    // Another EIG of the channel cannot hand Inès's request to the bulloterie in her name; her mentor can.
    const refused = await chat.click(thomas, '#defi-lexiq', 'Trouver quelqu’un');
    expect(refused.text).toContain('Seuls l’auteur de la demande, les mentors du défi et la coordination');
    const sent = await chat.click(julien, '#defi-lexiq', 'Trouver quelqu’un');
    expect(sent.text).toBe('Demande confiée à la bulloterie pour Inès Moreau : *RGPD*.');
    await waitFor(() => toAmina().length === 1, 8000, 'the proposal to Amina');
    const [proposal] = toAmina();
    expect(proposal?.text).toContain('*Inès Moreau* cherche de l’aide sur *RGPD*');
    expect(proposal?.text).toContain('Précisions : un avis RGPD sur le formulaire');
    expect(proposal?.text).toContain('Proposé parce que vous partagez : RGPD.');
    expect(proposal?.buttons).toEqual(['Accepter', 'Pas disponible']);

    // A second click on the digest's button changes nothing: same request, no second proposal.
    expect((await chat.click(julien, '#defi-lexiq', 'Trouver quelqu’un')).text).toBe(
      'Demande confiée à la bulloterie pour Inès Moreau : *RGPD*.',
    );

    const accepted = await chat.click(amina, amina, 'Accepter');
    expect(accepted).toEqual({
      text: 'Merci ! Une conversation avec Inès Moreau vient de s’ouvrir.',
      replaced: true,
    });
    await waitFor(() => chat.groupPosts().length > 0, 8000, 'the introduction in a group conversation');
    expect(chat.groupsOpened()).toEqual([[amina.email, ines.email].sort()]);
    const [intro, ...more] = chat.groupPosts();
    expect(more).toEqual([]);
    expect(intro?.text).toContain(
      'Bonjour Inès Moreau et Amina Diallo ! Inès Moreau cherche de l’aide sur *RGPD*',
    );
    expect(toAmina()).toHaveLength(1);
  });

  it('/bulle cherche → Pas disponible → nobody left: the alumni channel asks, a mentor clicks Je peux aider → group conversation', async () => {
    const asked = await chat.command(thomas, 'bulle', 'cherche protection des données — relire une AIPD');
    expect(asked).toEqual({
      ephemeral: true,
      text: 'Demande enregistrée : *RGPD*. Je cherche quelqu’un et je vous tiens au courant en message privé.',
    });
    await waitFor(() => toAmina().length === 2, 8000, 'the second proposal to Amina');
    expect(toAmina()[1]?.text).toContain('*Thomas Nguyen* cherche de l’aide sur *RGPD*');
    expect(toAmina()[1]?.buttons).toEqual(['Accepter', 'Pas disponible']);

    expect(await chat.click(amina, amina, 'Pas disponible')).toEqual({
      text: 'C’est noté, merci d’avoir répondu.',
      replaced: true,
    });
    const toThomas = () => chat.dmPosts().filter((p) => p.to === thomas.email);
    await waitFor(() => toThomas().length === 2, 8000, 'news for Thomas');
    expect(toThomas()[1]?.text).toContain(
      'Personne n’est disponible pour *RGPD* en ce moment : votre demande est publiée dans #eig-alumni',
    );
    // Delivered on its own, maybe after the DM (Matrix joins the room first).
    await waitFor(() => chat.channelPosts('#eig-alumni').length === 1, 8000, 'the question to the alumni');
    const [escalation] = chat.channelPosts('#eig-alumni');
    expect(escalation?.text).toContain('Qui peut aider ? *Thomas Nguyen* cherche de l’aide sur *RGPD*.');
    expect(escalation?.buttons).toEqual(['Je peux aider']);

    expect(await chat.click(julien, '#eig-alumni', 'Je peux aider')).toEqual({
      text: 'Julien Garnier aide Thomas Nguyen sur *RGPD*. Merci !',
      replaced: true,
    });
    await waitFor(() => chat.groupPosts().length === 2, 8000, 'the second introduction');
    expect(chat.groupsOpened()).toEqual([
      [amina.email, ines.email].sort(),
      [julien.email, thomas.email].sort(),
    ]);
    expect(chat.groupPosts()[1]?.text).toContain('Bonjour Thomas Nguyen et Julien Garnier !');
  });

  it('14 days after the introduction, the requester is asked whether they met and answers with a click', async () => {
    const [request] = await chat.bot.cohorte.services.bulle.requestsOf(ines.email);
    if (!request) throw new Error('no request of Inès');
    chat.setTime('2026-12-11T15:00:00+01:00');
    expect(await chat.run('bulle-followup', { requestId: request.id })).toBe(
      `request ${request.id}: follow-up asked`,
    );
    const asked = chat.dmPosts().filter((p) => p.to === ines.email);
    expect(asked.at(-1)?.text).toContain('Avez-vous pu échanger avec Amina Diallo sur *RGPD* ?');
    expect(asked.at(-1)?.buttons).toEqual(['Oui, nous avons échangé', 'Non, pas encore']);
    expect(await chat.click(ines, ines, 'Oui, nous avons échangé')).toEqual({
      text: 'Merci, c’est noté ! Bonne continuation.',
      replaced: true,
    });
    expect((await chat.bot.cohorte.services.bulle.request(request.id))?.status).toBe('met');
  });
});
