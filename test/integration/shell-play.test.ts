import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShellSession, type Step, shellSession } from '../support/shell-play.js';

const INES = 'ines.moreau@beta.gouv.fr';
const HUGO = 'hugo.petit@beta.gouv.fr';
const RITUAL = 'standup-eig7';
/** Monday 7 December 2026, 08:55 in Paris: a stand-up week of EIG 7. */
const MONDAY = new Date('2026-12-07T08:55:00+01:00');

const text = (steps: Step[]) => steps.flatMap((s) => s.output).join('\n');
/** The number the shell gave the button labelled `label` in the last post that shows it. */
const buttonNumber = (steps: Step[], label: string): string => {
  const found = [...text(steps).matchAll(new RegExp(`\\[(\\d+)\\] ${label}`, 'g'))].at(-1)?.[1];
  if (!found) throw new Error(`no button « ${label} » in:\n${text(steps)}`);
  return found;
};

describe('the local shell, played line by line (real bot, Redis, BullMQ, fixed clock)', () => {
  let shell: ShellSession;
  const period = async () => {
    const periods = await shell.bot.cohorte.stores.standups.entries(RITUAL, '2026-W50');
    return periods.find((e) => e.email === INES)?.answers;
  };
  beforeAll(async () => {
    shell = await shellSession({ name: 'shell-play', clock: { now: () => MONDAY } });
  });
  afterAll(() => shell.stop());

  it('leaves a form with :annuler, and never takes a command for an answer', async () => {
    const steps = await shell.type(`:as ${INES}`, '/standup', '3', '/bulle partage , , ,', ':annuler');
    expect(steps[3]?.output).toEqual([
      '! Priorités de la semaine : vous remplissez un formulaire : répondez à la question, ou tapez :annuler pour l’abandonner.',
      '? Priorités de la semaine (facultatif : Entrée pour laisser vide ; """ : plusieurs lignes, finies par """)',
    ]);
    expect(steps[4]?.output).toEqual(['Formulaire abandonné : rien n’a été enregistré.']);
    expect(await period()).toBeUndefined();
    // After leaving, commands are commands again.
    expect(text(await shell.type('/cohorte moi'))).toContain('Inès Moreau');
  });

  it('takes a multi-line answer between """, clears with -, keeps on Enter only what the prompt offers', async () => {
    await shell.type(
      '/standup',
      '1',
      '"""',
      'Finir la recherche',
      'plein texte',
      '"""',
      'Rien à signaler',
      '',
    );
    expect(await period()).toMatchObject({ priorites: 'Finir la recherche\nplein texte' });
    const again = await shell.type('/standup');
    expect(text(again)).toContain('? Météo (Entrée : garder « ☀️ »');
    const steps = await shell.type('', '', '-', '');
    expect(steps[1]?.output[0]).toContain(
      '? Réussites et difficultés (Entrée : garder « Rien à signaler » ; - : vider',
    );
    const answers = await period();
    expect(answers?.priorites).toBe('Finir la recherche\nplein texte');
    expect(answers?.difficultes ?? '').toBe('');
  });

  it('refuses an empty answer to a required field, naming it, and asks again', async () => {
    const steps = await shell.type(':as claire.dubois@beta.gouv.fr', '/bulle import', '');
    expect(steps[2]?.output[0]).toBe(
      '! CSV de l’atelier (avec la ligne d’en-tête) : ce champ est obligatoire : tapez une réponse, ou :annuler.',
    );
    const imported = await shell.type(
      '"""',
      'Nom ou email,Métier,Thème,Sujet,Prend,Donne',
      'Hugo Petit,dev,Dev,Rust,,1',
      'Inès Moreau,data,Data,Rust,1,',
      '"""',
    );
    expect(text(imported)).toContain('bulles importées pour 2 personnes');
  });

  it('numbers the buttons of a DM, lets only its addressee click, and reaches delayed jobs by :jobs and :run', async () => {
    const asked = await shell.type(`:as ${INES}`, '/bulle cherche Rust — lire notre premier crate');
    expect(text(asked)).toContain(`── @${HUGO} ──`);
    const accept = buttonNumber(asked, 'Accepter');
    const refused = await shell.type(`:click ${accept}`);
    expect(refused[0]?.output).toEqual([
      `Le bouton n° ${accept} est dans un message pour ${HUGO} : tapez :as ${HUGO} pour cliquer à sa place.`,
    ]);
    const accepted = await shell.type(`:as ${HUGO}`, `:click ${accept}`);
    expect(text(accepted)).toContain(`── @${INES} + @${HUGO} ──`);

    const jobs = text(await shell.type(':jobs'));
    expect(jobs).toMatch(/Tâches différées/);
    expect(jobs).toMatch(/bulle-followup:[^ ]+ : prévue lundi 21 décembre 2026 à 08:55/);

    const ran = await shell.type(':run bulle-followup');
    expect(text(ran)).toContain(`── @${INES} ──`);
    expect(text(ran)).toContain('Avez-vous pu échanger avec Hugo Petit sur Rust ?');
    expect(text(ran)).toMatch(/Tâche bulle-followup exécutée/);
    const met = await shell.type(`:as ${INES}`, `:click ${buttonNumber(ran, 'Oui')}`);
    expect(text(met)).toContain('Merci, c’est noté !');
  });

  it('says no on a proposal with Pas disponible, and refuses a channel button to someone not in that channel', async () => {
    const CHLOE = 'chloe.bernard@beta.gouv.fr';
    const THOMAS = 'thomas.nguyen@beta.gouv.fr';
    await shell.type(`:as ${CHLOE}`, '/bulle partage Docker');
    const asked = await shell.type(`:as ${THOMAS}`, '/bulle cherche Docker — déployer notre API');
    const busy = await shell.type(`:as ${CHLOE}`, `:click ${buttonNumber(asked, 'Pas disponible')}`);
    expect(text(busy)).toContain('── #eig-alumni ──');
    expect(text(busy)).toContain('Qui peut aider ? Thomas Nguyen cherche de l’aide sur Docker.');
    const help = buttonNumber(busy, 'Je peux aider');
    const refused = await shell.type(`:as ${THOMAS}`, `:click ${help}`);
    expect(refused[1]?.output).toEqual([
      `Le bouton n° ${help} est dans #eig-alumni, où vous n’êtes pas : tapez :as <e-mail> d’une personne de ce canal.`,
    ]);
    const helped = await shell.type(':as camille.roussel@beta.gouv.fr', `:click ${help}`);
    expect(text(helped)).toContain(`── @${THOMAS} + @camille.roussel@beta.gouv.fr ──`);
  });

  it('answers in French when a delayed job has nothing pending, without a stack trace', async () => {
    const steps = await shell.type(':run bulle-timeout', ':run nimporte');
    expect(steps.map((s) => s.output)).toEqual([
      ['Aucune tâche « bulle-timeout » en attente : :jobs liste les tâches planifiées et différées.'],
      ['Je ne connais pas la tâche « nimporte ». Tapez :jobs pour la liste.'],
    ]);
  });
});
