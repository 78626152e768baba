import { describe, expect, it } from 'vitest';
import { FIND_HELPER_ACTION } from '../../src/core/standup/digest.js';
import { helpRequestId } from '../../src/core/standup/store.js';
import { bulleOnShell } from '../support/bulle-shell.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const THOMAS = 'thomas.nguyen@beta.gouv.fr';
const AMINA = 'amina.diallo@beta.gouv.fr';
const PERIOD = '2026-W48';

describe('*Trouver quelqu’un* under a stand-up’s help request: the skill it names is the topic (shell, Redis)', () => {
  const shell = bulleOnShell('bulle-standup-help', { now: () => new Date('2026-11-23T10:00:00+01:00') });
  const { bot, bulle, user } = shell;
  const standup = (email: string, text: string) =>
    bot().cohorte.router.command({ user: user(email), command: 'standup', text, channel: 'shell' });
  /** The *Trouver quelqu'un* click under `email`'s help request, by them or by `clicker` (a mentor of their défi). */
  const findSomeone = async (email: string, clicker = email) =>
    seen(
      await shell.click(
        clicker,
        FIND_HELPER_ACTION,
        helpRequestId('standup-eig7', PERIOD, email),
        '#defi-lexiq',
      ),
    );

  it('a skill of the map named in the text is the topic; the whole text goes along as the details', async () => {
    expect(await bulle(AMINA, 'partage Scalingo')).toContain('vous partagez : Scalingo');
    await standup(INES, 'priorités: recette ; aide: migrer notre application vers Scalingo avant janvier');
    expect(await findSomeone(INES)).toBe('Demande confiée à la bulloterie pour Inès Moreau : Scalingo.');
    // Clicked again: the same request, not refused as one already in progress.
    expect(await findSomeone(INES)).toBe('Demande confiée à la bulloterie pour Inès Moreau : Scalingo.');
    const toAmina = () => shellPosts(bot().shellOutput()).filter((p) => p.to === `@${AMINA}`);
    await waitFor(() => toAmina().length === 1, 8000, 'the proposal to Amina');
    const [proposal] = toAmina();
    expect(proposal?.text).toContain('Inès Moreau cherche de l’aide sur Scalingo.');
    expect(proposal?.text).toContain('Précisions : migrer notre application vers Scalingo avant janvier');
  });

  it('a help request on a topic the author already asks about: one request in progress, as /bulle cherche says', async () => {
    const SARAH = 'sarah.lefebvre@beta.gouv.fr';
    expect(await bulle(AMINA, 'partage Docker')).toContain('vous partagez : Docker');
    expect(await bulle(SARAH, 'cherche Docker')).toContain('Docker');
    await standup(SARAH, 'priorités: recette ; aide: passer notre image Docker en multi-étapes');
    expect(await findSomeone(SARAH)).toBe(
      'Vous avez déjà une demande en cours sur Docker ; /bulle mes la montre.',
    );
    expect((await bot().cohorte.services.bulle.requestsOf(SARAH)).map((r) => r.source)).toEqual(['chat']);
  });

  it('a text naming no skill is not made a topic: the clicker is told what to type, nothing is asked', async () => {
    await standup(THOMAS, 'priorités: recette ; aide: quelqu’un pour relire notre cahier des charges');
    expect(await findSomeone(THOMAS)).toBe(
      'Je ne trouve pas de compétence dans cette demande d’aide. Pour la confier à la bulloterie, son auteur ou autrice peut taper : /bulle cherche <compétence> — quelqu’un pour relire notre cahier des charges.',
    );
    expect(await bot().cohorte.services.bulle.requestsOf(THOMAS)).toEqual([]);
  });

  it('a help request written on several lines: the command to type is on one line', async () => {
    const LUCAS = 'lucas.martin@beta.gouv.fr';
    await bot().cohorte.router.form({
      user: user(LUCAS),
      formId: 'standup',
      values: {
        meteo: '🌤️',
        priorites: 'recette',
        aide: 'relire notre cahier des charges\navec un regard neuf',
      },
      context: '',
    });
    expect(await findSomeone(LUCAS)).toBe(
      'Je ne trouve pas de compétence dans cette demande d’aide. Pour la confier à la bulloterie, son auteur ou autrice peut taper : /bulle cherche <compétence> — relire notre cahier des charges avec un regard neuf.',
    );
  });

  it('clicked again once its skill left the map: the request it opened, not « no skill found »', async () => {
    expect(await bulle(AMINA, 'partage Zorglubix')).toContain('vous partagez : Zorglubix');
    await standup(THOMAS, 'priorités: recette ; aide: écrire nos modules Zorglubix');
    expect(await findSomeone(THOMAS)).toBe('Demande confiée à la bulloterie pour Thomas Nguyen : Zorglubix.');
    expect(await bulle(AMINA, 'retire Zorglubix')).toContain('Zorglubix');
    expect(await bulle(THOMAS, 'retire Zorglubix')).toContain('Zorglubix');
    expect(await findSomeone(THOMAS)).toBe('Demande confiée à la bulloterie pour Thomas Nguyen : Zorglubix.');
  });
});
