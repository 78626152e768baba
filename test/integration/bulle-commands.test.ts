import { describe, expect, it } from 'vitest';
import { bulleOnShell } from '../support/bulle-shell.js';
import { seen } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const THOMAS = 'thomas.nguyen@beta.gouv.fr';
const LUCAS = 'lucas.martin@beta.gouv.fr';
const AMINA = 'amina.diallo@beta.gouv.fr';
const HUGO = 'hugo.petit@beta.gouv.fr';
const CLAIRE = 'claire.dubois@beta.gouv.fr';
const CAMILLE = 'camille.roussel@beta.gouv.fr';
const JULIEN = 'julien.garnier@justice.gouv.fr';

describe('/bulle commands on the real bot (shell, Redis, BullMQ, fixed clock)', () => {
  let now = new Date('2026-11-23T10:00:00+01:00');
  const shell = bulleOnShell('bulle-commands', { now: () => now });
  const { bot, bulle, user } = shell;

  it('says what to type for empty or unknown input, and loses nothing', async () => {
    expect(await bulle(INES, '')).toContain('/bulle cherche <compétence> [— précisions]');
    expect(await bulle(INES, 'import')).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );
    expect(await bulle(INES, 'partage')).toBe(
      'Dites ce que vous pouvez partager, par exemple : /bulle partage Docker, SQL.',
    );
    expect(await bulle(INES, 'cherche  ')).toContain('/bulle cherche Docker — déployer notre API');
    expect(await bulle(INES, 'retire Docker')).toContain('Vous n’avez pas de bulle « Docker »');
    expect(await bulle(INES, 'pause demain')).toContain('n’est pas une date que je comprends');
    expect(await bulle(INES, 'pause')).toContain('/bulle pause <JJ/MM>');
    expect(await bulle(INES, `partage Docker, ${'très '.repeat(20)}long`)).toContain(
      'est trop long pour une compétence (80 caractères au plus)',
    );
    expect(await bulle(INES, 'mes')).toContain('Aucune bulle pour l’instant');
  });

  it('/bulle partage understands several topics at once, corrects misspellings, asks « vouliez-vous dire »', async () => {
    expect(await bulle(LUCAS, 'partage Tressage de paniers')).toBe(
      'C’est noté, vous partagez : Tressage de paniers.',
    );
    const reply = await bulle(AMINA, 'partage JS, Pythn ; Tresage de paniers');
    expect(reply).toContain('C’est noté, vous partagez : JavaScript, Python.');
    expect(reply).toContain('« Pythn » est compris comme Python.');
    expect(reply).toContain('« Tresage de paniers » ressemble à Tressage de paniers, déjà sur la carte.');
    expect(await bulle(AMINA, 'partage javascript')).toBe('Vous partagiez déjà : JavaScript.');
    expect(await bulle(AMINA, 'partage Tresage de paniers !')).toContain(
      'vous partagez : Tresage de paniers',
    );
    expect(await bulle(AMINA, 'retire tresage de paniers')).toBe('C’est retiré : tresage de paniers.');
  });

  it('/bulle cherche with nobody to ask goes to the alumni channel; /bulle mes shows it with a cancel button', async () => {
    expect(await bulle(INES, 'cherche Rust -- un avis sur notre parseur')).toContain(
      'Demande enregistrée : Rust.',
    );
    await waitFor(() => bot().shellOutput().includes('── #eig-alumni ──'), 8000, 'the alumni post');
    expect(bot().shellOutput()).toContain(
      'Qui peut aider ? Inès Moreau cherche de l’aide sur Rust.\nPrécisions : un avis sur notre parseur',
    );
    expect(await bulle(INES, 'cherche rust')).toContain('Vous avez déjà une demande en cours sur Rust');
    const mine = await bulle(INES, 'mes');
    expect(mine).toContain('Vous êtes curieux ou curieuse de : Rust');
    expect(mine).toContain(
      'Rust : on cherche quelqu’un (depuis le lundi 23 novembre 2026)\n[Annuler la demande]',
    );
  });

  it('/bulle pause keeps proposals away until the date, and the weekly round asks whoever is free', async () => {
    expect(await bulle(HUGO, 'pause 30/11')).toBe(
      'C’est noté : pas de proposition pour vous jusqu’au lundi 30 novembre 2026 inclus.',
    );
    expect(await bulle(HUGO, 'partage Rust')).toContain('vous partagez : Rust');
    expect(await bulle(HUGO, 'mes')).toContain(
      'Pas de proposition pour vous jusqu’au lundi 30 novembre 2026 inclus.',
    );
    expect(await bot().cohorte.jobControl.runNow('bulle-round')).toBe(true);
    await waitFor(() => bot().shellOutput().includes('── #eig-coordination ──'), 8000, 'the first summary');
    expect(bot().shellOutput()).not.toContain(`── @${HUGO} ──`);
    expect(bot().shellOutput()).toContain(
      'Bulloterie, semaine du lundi 23 novembre 2026 : 1 en attente, 0 en relation, 0 échanges faits, 0 bloquées',
    );

    now = new Date('2026-12-08T09:30:00+01:00');
    expect(await bulle(HUGO, 'pause fin')).toBe(
      'C’est noté : vous pouvez de nouveau recevoir des propositions.',
    );
    expect(await bot().cohorte.jobControl.runNow('bulle-round')).toBe(true);
    await waitFor(() => bot().shellOutput().includes(`── @${HUGO} ──`), 8000, 'the proposal to Hugo');
    expect(bot().shellOutput()).toContain('Inès Moreau cherche de l’aide sur Rust. Pouvez-vous l’aider ?');
    await waitFor(
      () => bot().shellOutput().includes('semaine du mardi 8 décembre 2026'),
      8000,
      'the second summary',
    );
    expect(bot().shellOutput()).toContain(
      '1 bloquées depuis plus de deux semaines.\nInès Moreau : Rust, depuis le lundi 23 novembre 2026',
    );
  });

  it('an alumna answering the alumni channel takes over the round’s proposal, whose candidate is told', async () => {
    const [request] = await bot().cohorte.stores.bulle.requestsOf(INES);
    expect(request).toMatchObject({ status: 'proposed', candidate: HUGO });
    const click = (email: string) => shell.click(email, 'bullecanhelp', request?.id ?? '');
    expect(seen(await click(CAMILLE))).toBe('Camille Roussel aide Inès Moreau sur Rust. Merci !');
    expect(await bot().cohorte.stores.bulle.request(request?.id ?? '')).toMatchObject({
      status: 'accepted',
      helper: CAMILLE,
    });
    await waitFor(
      () => bot().shellOutput().includes('Inès Moreau a trouvé de l’aide sur Rust dans le canal des alumni'),
      8000,
      'Hugo is told',
    );
    await waitFor(
      () => bot().shellOutput().includes(`── @${INES} + @${CAMILLE} ──`),
      8000,
      'the introduction',
    );
    expect(seen(await click(JULIEN))).toBe('Merci ! Quelqu’un a déjà proposé son aide.');
    expect(seen(await click(HUGO))).toContain('Ce bouton est pour les alumni et les mentors');
  });

  it('/bulle import is for coordinators: the workshop CSV adds bubbles and reports the unknown', async () => {
    expect(await bulle(THOMAS, 'import')).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );
    const opened = await bot().cohorte.router.command({
      user: user(CLAIRE),
      command: 'bulle',
      text: 'import',
      channel: 'shell',
    });
    expect('form' in opened && opened.form?.formId).toBe('bulleimport');
    const csv =
      'Nom ou e-mail,Métier,Thème,Sujet,Prend,Donne\nThomas Nguyen,Dev,Dev,Docker,,1\nThomas Nguyen,Dev,Dev,docker,,1\nJean Inconnu,Dev,Dev,Docker,1,\n';
    const form = (email: string) =>
      bot().cohorte.router.form({ user: user(email), formId: 'bulleimport', values: { csv }, context: '' });
    expect(seen(await form(THOMAS))).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );
    const report = seen(await form(CLAIRE));
    expect(report).toContain('1 bulle importée pour 1 personne ; 1 déjà connue.');
    expect(report).toContain('Personnes introuvables, à ajouter à community.yml : Jean Inconnu (4)');
  });

  it('/bulle carte groups the bubbles by domain, with who shares and who is curious', async () => {
    const map = await bulle(THOMAS, 'carte');
    expect(map.split('\n')).toEqual([
      'La carte des bulles',
      'Dev',
      'Docker : partagé par Thomas Nguyen · curieux : personne',
      'JavaScript : partagé par Amina Diallo · curieux : personne',
      'Python : partagé par Amina Diallo · curieux : personne',
      'Autre',
      'Rust : partagé par Hugo Petit · curieux : Inès Moreau',
      'Tressage de paniers : partagé par Lucas Martin · curieux : personne',
    ]);
  });

  it('joins /cohorte mes-donnees and /cohorte oublier', async () => {
    const exported = await bot().cohorte.services.personalData.exportAll(INES);
    expect(exported.bulloterie).toMatchObject({
      skills: [expect.objectContaining({ label: 'Rust', kind: 'learn' })],
    });
    await bot().cohorte.services.personalData.eraseAll(INES);
    expect(await bot().cohorte.services.personalData.exportAll(INES)).toMatchObject({
      bulloterie: { skills: [], requests: [] },
    });
    expect(await bulle(THOMAS, 'carte')).not.toContain('Inès');
  });
});
