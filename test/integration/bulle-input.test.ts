import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/core/message.js';
import { bulleOnShell } from '../support/bulle-shell.js';
import { seen } from '../support/shell-replies.js';

const INES = 'ines.moreau@beta.gouv.fr';
const LUCAS = 'lucas.martin@beta.gouv.fr';
const AMINA = 'amina.diallo@beta.gouv.fr';
const CLAIRE = 'claire.dubois@beta.gouv.fr';
const CAMILLE = 'camille.roussel@beta.gouv.fr';

describe('/bulle with input it cannot take: the person is told what was not understood and what to type', () => {
  const now = new Date('2026-11-23T10:00:00+01:00');
  const { bot, bulle, click, user } = bulleOnShell('bulle-input', { now: () => now });

  it('/bulle partage names what it could not read, and says what to type when nothing was added', async () => {
    expect(await bulle(LUCAS, 'partage !!!')).toBe(
      'Je n’ai pas compris « !!! » comme une compétence : rien n’est ajouté. Écrivez vos compétences en toutes lettres, séparées par des virgules, par exemple : /bulle partage Docker, SQL.',
    );
    expect(await bulle(LUCAS, 'partage ???; ...')).toContain('Je n’ai pas compris « ???, ... »');
    expect(await bulle(LUCAS, 'partage Docker, ???')).toBe(
      'C’est noté, vous partagez : Docker.\nPas compris comme une compétence, donc pas ajouté : « ??? ». Pour l’ajouter, écrivez-le en toutes lettres : /bulle partage <compétence>.',
    );
    expect(await bulle(LUCAS, 'mes')).toContain('Vous partagez : Docker');
  });

  it('/bulle cherche echoes a long text whole, and keeps the details in « vouliez-vous dire »', async () => {
    const long =
      'Docker parce que nous devons déployer notre API sur le cloud avant la démo de vendredi prochain';
    expect(await bulle(INES, `cherche ${long}`)).toBe(
      `« ${long} » est trop long pour une compétence (80 caractères au plus). Écrivez la compétence en quelques mots, puis les précisions après « — » : /bulle cherche <compétence> — ${long}.`,
    );
    // With details after the dash, they follow in the command to retype.
    expect(await bulle(INES, `cherche ${long} — avant vendredi`)).toContain(
      `/bulle cherche <compétence> — ${long} avant vendredi.`,
    );
    expect(await bulle(INES, `partage Docker, ${'très '.repeat(20)}long`)).toContain(
      `« ${'très '.repeat(20)}long » est trop long pour une compétence (80 caractères au plus) : rien n’est ajouté.`,
    );

    expect(await bulle(AMINA, 'partage Tressage de paniers')).toContain(
      'vous partagez : Tressage de paniers',
    );
    const suggested = await bulle(INES, 'cherche Tresage de paniers — pour un atelier');
    expect(suggested).toContain(
      'Tapez /bulle cherche Tressage de paniers — pour un atelier, ou /bulle cherche Tresage de paniers ! — pour un atelier pour garder votre écriture.',
    );
    expect(await bulle(INES, 'partage Tresage de paniers')).toContain(
      'Tapez /bulle partage Tressage de paniers, ou /bulle partage Tresage de paniers ! pour garder',
    );
    // A topic made of punctuation: the details typed after it come back in the command to retype.
    expect(await bulle(INES, 'cherche ??? — relire notre DPIA avant le comité')).toBe(
      'Je n’ai pas compris « ??? » comme une compétence. Écrivez-la en mots, vos précisions suivent : /bulle cherche <compétence> — relire notre DPIA avant le comité.',
    );
  });

  it('/bulle pause refuses a day just gone by instead of pausing until next year', async () => {
    expect(await bulle(LUCAS, 'pause 20/11')).toBe(
      'Le vendredi 20 novembre 2026 est déjà passé : indiquez une date à venir.',
    );
    expect(await bulle(LUCAS, 'pause 01/11/2026')).toContain('est déjà passé');
    expect((await bot().cohorte.stores.bulle.pauses()).has(LUCAS)).toBe(false);
    expect(await bulle(LUCAS, 'mes')).not.toContain('Pas de proposition pour vous');
    expect(await bulle(LUCAS, 'pause 10/10')).toContain('jusqu’au dimanche 10 octobre 2027 inclus');
    expect(await bulle(LUCAS, 'pause 30/11')).toBe(
      'C’est noté : pas de proposition pour vous jusqu’au lundi 30 novembre 2026 inclus.',
    );
  });

  it('a cancelled request: « Je peux aider » and « Annuler » say it is no longer in progress', async () => {
    expect(await bulle(INES, 'cherche Fortran — relire un vieux code')).toContain(
      'Demande enregistrée : Fortran.',
    );
    const request = (await bot().cohorte.stores.bulle.requestsOf(INES)).find((r) => r.label === 'Fortran');
    expect(request).toMatchObject({ status: 'open', escalatedAt: expect.any(String) });
    const id = request?.id ?? '';

    const cancelled = await click(INES, 'bullecancel', id);
    expect(seen(cancelled)).toBe('Votre demande Fortran est annulée.');
    const again = await click(INES, 'bullecancel', id);
    expect('replace' in again && again.replace).toBe(true);
    expect(seen(again)).toBe(
      'Cette demande n’est plus en cours (annulée) : rien à annuler. Tapez /bulle mes pour voir vos demandes.',
    );
    expect(seen(await click(CAMILLE, 'bullecanhelp', id))).toBe(
      'Merci ! Cette demande n’est plus en cours (annulée) : il n’y a plus rien à faire.',
    );
    expect(await bot().cohorte.stores.bulle.request(id)).toMatchObject({ status: 'cancelled' });
    expect(seen(await click(CAMILLE, 'bullecanhelp', 'no-such-request'))).toContain(
      'Cette demande n’est plus en cours',
    );
  });

  it('/bulle import keeps the form open with the pasted CSV when its header is not there', async () => {
    const csv = 'Thomas Nguyen;Dev;Dev;Docker;;1\nLucas Martin;Dev;Dev;SQL;1;\n';
    const outcome = await bot().cohorte.router.form({
      user: user(CLAIRE),
      formId: 'bulleimport',
      values: { csv },
      context: '',
    });
    expect('errors' in outcome).toBe(true);
    const errors = 'errors' in outcome ? outcome.errors : {};
    expect(Object.keys(errors)).toEqual(['csv']);
    expect(toPlainText(errors.csv ?? [])).toBe(
      'Colonnes attendues : Nom ou e-mail, Métier, Thème, Sujet, Prend, Donne. Collez le CSV avec sa ligne d’en-tête.',
    );
  });

  it('/bulle retire takes several topics separated by commas, and names those not found', async () => {
    expect(await bulle(AMINA, 'partage SQL, Python')).toContain('vous partagez : SQL, Python');
    expect(await bulle(AMINA, 'retire sql, Python, Cobol')).toBe(
      'C’est retiré : SQL, Python.\nVous n’avez pas de bulle « Cobol ». Tapez /bulle mes pour voir les vôtres.',
    );
    expect(await bulle(AMINA, 'retire SQL; Cobol, !!!')).toBe(
      'Vous n’avez pas de bulle pour : SQL, Cobol, !!!. Tapez /bulle mes pour voir les vôtres.',
    );
    expect(await bulle(AMINA, 'retire , ;')).toContain('Dites quelle bulle retirer');
    expect(await bulle(AMINA, 'mes')).toContain('Vous partagez : Tressage de paniers');
  });
});
