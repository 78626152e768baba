import { describe, expect, it } from 'vitest';
import { driveOnShell } from '../support/shell-driver.js';
import { seen } from '../support/shell-replies.js';

const INES = 'ines.moreau@beta.gouv.fr';

describe('/standup <texte> that names nothing, or empties answers, says what happened and what to type', () => {
  const shell = driveOnShell({ name: 'standup-text', now: new Date('2026-11-24T09:00:00+01:00') });
  const standup = async (text: string) => seen(await shell.command('standup', text, INES));
  const stored = async () => {
    const last = await shell.bot.cohorte.stores.standups.last(INES);
    return last?.answers;
  };

  it('`/standup ;;` changes nothing and says so, with what to type, before and after a first post', async () => {
    const nothing =
      'Je ne trouve aucune réponse dans « ;; » : rien n’est enregistré. Tapez par exemple /standup priorités: finir la recette ; difficultés: … ; aide: …, ou /standup pour le formulaire.';
    expect(await standup(';;')).toBe(nothing);
    expect(await standup('meteo: 2 ; priorités: recette ; difficultés: la CI')).toContain('C’est noté !');
    expect(await standup(';;')).toBe(nothing);
    expect(await standup(' ; \n ; ')).toContain('Je ne trouve aucune réponse dans');
    expect(await stored()).toEqual({ meteo: '🌤️', priorites: 'recette', difficultes: 'la CI' });
  });

  it('labels with nothing after them empty those answers, and the reply names them and gives their text back', async () => {
    const reply = await standup('priorités: ; difficultés: ; aide:');
    expect(reply).toContain('C’est mis à jour !');
    expect(reply).toContain(
      'Réponses effacées : Priorités de la semaine, Réussites et difficultés. Pour les remettre : /standup priorites: recette ; difficultes: la CI',
    );
    expect(await stored()).toEqual({ meteo: '🌤️' });
  });
});
