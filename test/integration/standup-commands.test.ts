import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standupReminderJob } from '../../jobs/standup-reminder.job.js';
import { CSV_BOM } from '../../src/core/csv.js';
import type { Reply } from '../../src/core/handler.js';
import { type Block, toPlainText } from '../../src/core/message.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { readCsv } from '../support/csv-read.js';
import { waitFor } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const THOMAS = 'thomas.nguyen@beta.gouv.fr';
const SARAH = 'sarah.lefebvre@beta.gouv.fr';
const LUCAS = 'lucas.martin@beta.gouv.fr';
const JULIEN = 'julien.garnier@justice.gouv.fr';
const CLAIRE = 'claire.dubois@beta.gouv.fr';
const LEXIQ = 'LexIQ, la recherche dans la jurisprudence';
const RITUAL = 'standup-eig7';
const FORBIDDEN_HISTORY = 'celui d’une autre personne ou d’un défi est réservé aux mentors de ce défi';
/** An answer with everything CSV must protect: accents, a comma, quotes, a line break. */
const TRICKY = 'Écrire la « recette », puis "livrer" ;\nrelire l’API';

const blockText = (block: Block): string =>
  'text' in block ? (typeof block.text === 'string' ? block.text : toPlainText(block.text)) : '';
/** Everything a person reads in a reply. */
const seen = (reply: Reply): string => reply.message.blocks.map(blockText).join('\n');

/** The content of the file a DM carried, as the shell prints it (`📎 name`, then the content). */
function fileIn(output: string, name: string): string {
  const start = output.indexOf(`📎 ${name}\n`);
  if (start < 0) throw new Error(`no file ${name} in the shell output`);
  const content = output.slice(start + `📎 ${name}\n`.length);
  // The shell ends what it writes with one LF; a CSV record ends with CRLF.
  return content.slice(0, content.indexOf('\r\n\n') + 2);
}

describe('/standup absent, historique and export on the real bot (shell, Redis, fixed clock)', () => {
  let bot: RunningCohorte;
  let now = new Date('2026-11-18T10:00:00+01:00');
  const say = (email: string, text: string) =>
    bot.cohorte.router.command({
      user: { platform: 'shell', id: email },
      command: 'standup',
      text,
      channel: 'shell',
    });
  const read = async (email: string, text: string) => seen(await say(email, text));

  beforeAll(async () => {
    bot = await startCohorte({ name: 'standup-commands', clock: { now: () => now } });
    // Only the test runs jobs, whatever the wall clock says.
    const { jobs } = bot.cohorte.queues;
    for (const scheduler of await jobs.getJobSchedulers()) await jobs.removeJobScheduler(scheduler.key);

    // Week of 16 November: Inès and Thomas write; Thomas's answer starts like a spreadsheet formula.
    expect(await read(INES, 'priorités: cadrage ; météo: ☀️')).toContain('C’est noté');
    expect(await read(THOMAS, 'priorités: =SOMME(A1) ; météo: 🌧️')).toContain('C’est noté');
    // Wednesday 25 November 10:00, Paris: Inès writes through the form, with a line break in an answer.
    now = new Date('2026-11-25T10:00:00+01:00');
    const posted = await bot.cohorte.router.form({
      user: { platform: 'shell', id: INES },
      formId: 'standup',
      values: { meteo: '🌤️', priorites: TRICKY, difficultes: 'ça, c’est fait' },
      context: '',
    });
    expect('message' in posted && seen(posted)).toContain('C’est noté');
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('absent for this week: until the end of the period, stored once, and the reminder skips her', async () => {
    const answer = await read(SARAH, 'absent');
    expect(answer).toBe(
      'C’est noté : absence du mercredi 25 novembre 2026 au dimanche 29 novembre 2026. Cohorte ne vous enverra aucun rappel de stand-up pendant ces jours.',
    );
    await read(SARAH, 'away');
    expect(await bot.cohorte.stores.standups.absences(SARAH)).toEqual([
      { from: '2026-11-25', to: '2026-11-29' },
    ]);

    const summary = await standupReminderJob.run(bot.cohorte.services, { ritualId: RITUAL, manual: true });
    expect(summary).toBe(`${RITUAL} 2026-W48: 5 reminded, 1 already posted, 1 absent`);
    await waitFor(() => bot.shellOutput().includes(`── @${THOMAS} ──`));
    expect(bot.shellOutput()).not.toContain(`── @${SARAH} ──`);
  });

  it('present cancels the absence under way: reminders reach her again, and a second present says there is none', async () => {
    await read(SARAH, 'absent 07/12 08/12');
    expect(await read(SARAH, 'present')).toBe(
      'Bon retour ! Absence annulée : du mercredi 25 novembre 2026 au dimanche 29 novembre 2026, du lundi 7 décembre 2026 au mardi 8 décembre 2026. Les rappels de stand-up reprennent.',
    );
    expect(await bot.cohorte.stores.standups.absences(SARAH)).toEqual([]);
    expect(await read(SARAH, 'retour')).toBe(
      'Vous n’avez aucune absence en cours ou à venir : les rappels de stand-up vous arrivent comme d’habitude.',
    );
    const summary = await standupReminderJob.run(bot.cohorte.services, { ritualId: RITUAL, manual: true });
    expect(summary).toBe(`${RITUAL} 2026-W48: 6 reminded, 1 already posted, 0 absent`);
    // The absence-and-back round trip leaves the week as it was for the tests below.
    await read(SARAH, 'absent');
  });

  it('absent between two dates, JJ/MM being the next such day, and for a single day', async () => {
    expect(await read(THOMAS, 'absent 21/12 03/01')).toContain(
      'absence du lundi 21 décembre 2026 au dimanche 3 janvier 2027.',
    );
    expect(await read(THOMAS, 'absent du 2027-02-01 au 05/02/2027')).toContain(
      'absence du lundi 1er février 2027 au vendredi 5 février 2027.',
    );
    expect(await read(THOMAS, 'away 07/12')).toBe(
      'C’est noté : absence le lundi 7 décembre 2026. Cohorte ne vous enverra aucun rappel de stand-up ce jour-là.',
    );
    expect(await bot.cohorte.stores.standups.absences(THOMAS)).toEqual([
      { from: '2026-12-21', to: '2027-01-03' },
      { from: '2027-02-01', to: '2027-02-05' },
      { from: '2026-12-07', to: '2026-12-07' },
    ]);
  });

  it.each([
    [
      'absent 31/02 05/03',
      'Le « 31/02 » n’existe pas dans le calendrier. Vérifiez le jour et le mois (JJ/MM)',
    ],
    [
      'absent 30/11 27/11',
      'La date de fin (vendredi 27 novembre 2026) est avant celle de début (lundi 30 novembre 2026).',
    ],
    ['absent 2026-11-20 2026-11-30', 'Le vendredi 20 novembre 2026 est déjà passé'],
    ['absent 01/12 2027-12-31', 'Une absence dure au plus un an'],
    [
      'absent demain',
      '« demain » n’est pas une date que je comprends. Écrivez-la JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ',
    ],
    ['absent 01/12 02/12 03/12', 'Usage : /standup absent pour la semaine en cours'],
  ])('refuses "/standup %s" and says what to type', async (text, message) => {
    expect(await read(LUCAS, text)).toContain(message);
    expect(await bot.cohorte.stores.standups.absences(LUCAS)).toEqual([]);
  });

  it('refuses absent to someone who is not an EIG', async () => {
    expect(await read(JULIEN, 'absent 07/12 08/12')).toContain('Le stand-up est celui des EIG');
  });

  it('historique: your own stand-ups, newest first, with the period’s dates', async () => {
    const own = await read(INES, 'historique');
    expect(own.split('\n')[0]).toBe('Vos stand-ups, du plus récent au plus ancien');
    const week48 = own.indexOf('Semaine du lundi 23 novembre 2026');
    const week47 = own.indexOf('Semaine du lundi 16 novembre 2026');
    expect(week48).toBeGreaterThan(0);
    expect(week47).toBeGreaterThan(week48);
    expect(own).toContain('Inès Moreau 🌤️');
    expect(own).toContain('Priorités de la semaine : cadrage');
    const one = await read(INES, 'history 1');
    expect(one).toContain('Semaine du lundi 23 novembre 2026');
    expect(one).not.toContain('16 novembre');
    expect(await read(LUCAS, 'historique')).toBe(
      'Vous n’avez pas encore écrit de stand-up. Tapez /standup pour écrire celui de la semaine.',
    );
  });

  it.each(['0', '13', '2.5', '-1'])('historique %s: asks for a number between 1 and 12', async (n) => {
    expect(await read(INES, `historique ${n}`)).toBe(
      `« ${n} » : indiquez un nombre de périodes entre 1 et 12, par exemple /standup historique 4.`,
    );
  });

  it('historique: a mentor reads the défi period by period, with who was away or did not write', async () => {
    const defi = await read(JULIEN, 'historique lexiq 3');
    const lines = defi.split('\n');
    expect(lines[0]).toBe(`Stand-ups du défi ${LEXIQ}, du plus récent au plus ancien`);
    expect(lines.filter((l) => l.startsWith('Semaine du'))).toEqual([
      'Semaine du lundi 23 novembre 2026',
      'Semaine du lundi 16 novembre 2026',
      'Semaine du lundi 9 novembre 2026',
    ]);
    const [w48 = '', w47 = '', w46 = ''] = defi.split('Semaine du').slice(1);
    expect(w48).toContain(`Priorités de la semaine : ${TRICKY}`);
    expect(w48).toContain('Absents : Sarah Lefebvre');
    expect(w48).toContain('N’ont pas écrit : Thomas Nguyen');
    expect(w47).toContain('Thomas Nguyen 🌧️');
    expect(w47).toContain('N’ont pas écrit : Sarah Lefebvre');
    expect(w46).toContain('N’ont pas écrit : Inès Moreau, Thomas Nguyen, Sarah Lefebvre');
    expect(await read(JULIEN, `historique ${INES}`)).toContain('Stand-ups écrits par Inès Moreau');
    expect(await read(CLAIRE, `historique ${INES} 1`)).toContain('Semaine du lundi 23 novembre 2026');
  });

  it('historique: an EIG may not read another défi or another person, a mentor only their défi', async () => {
    expect(await read(LUCAS, 'historique lexiq')).toContain(FORBIDDEN_HISTORY);
    expect(await read(LUCAS, `historique ${INES}`)).toContain(FORBIDDEN_HISTORY);
    expect(await read(JULIEN, 'historique datapass-sante')).toContain(FORBIDDEN_HISTORY);
    expect(await read(JULIEN, `historique ${LUCAS}`)).toContain(FORBIDDEN_HISTORY);
    expect(await read(INES, 'historique personne')).toContain(
      'Je ne trouve ni personne ni défi pour « personne »',
    );
    expect(await read(INES, 'historique lexiq 2 3')).toContain('Usage : /standup historique');
  });

  it('export: a coordinator receives by DM a CSV that a spreadsheet reads back exactly', async () => {
    const name = 'stand-ups-eig7-2026-09-07-2026-11-25.csv';
    expect(await read(CLAIRE, 'export eig7')).toBe(
      `L’export arrive en message privé dans un instant : ${name}.`,
    );
    await waitFor(() => bot.shellOutput().includes(`📎 ${name}\n`));
    const output = bot.shellOutput();
    expect(output).toContain(`── @${CLAIRE} ──\nStand-ups de la promotion EIG 7, du lundi 7 septembre 2026`);
    const content = fileIn(output, name);
    expect(content.startsWith(CSV_BOM)).toBe(true);
    expect(content).toContain(`"${LEXIQ}"`);
    const [header, ...rows] = readCsv(content.slice(CSV_BOM.length));
    const questions = ['Météo', 'Priorités de la semaine', 'Réussites et difficultés', 'Besoin d’aide ?'];
    expect(header).toEqual([
      ...'promotion,défi,e-mail,nom,période,début,fin,posté le,absent'.split(','),
      ...questions,
    ]);
    // 12 weeks (7 September – 25 November) × 7 EIG of the three défis.
    expect(rows).toHaveLength(12 * 7);
    const row = (email: string, period: string) => rows.find((r) => r[2] === email && r[4] === period);
    expect(row(INES, '2026-W48')).toEqual([
      'EIG 7',
      LEXIQ,
      INES,
      'Inès Moreau',
      '2026-W48',
      '2026-11-23',
      '2026-11-29',
      '2026-11-25 10:00',
      'non',
      '🌤️',
      TRICKY,
      'ça, c’est fait',
      '',
    ]);
    expect(row(SARAH, '2026-W48')?.slice(7, 10)).toEqual(['', 'oui', '']);
    expect(row(THOMAS, '2026-W47')?.[10]).toBe("'=SOMME(A1)");
    expect(row(LUCAS, '2026-W37')?.slice(0, 9)).toEqual([
      'EIG 7',
      "DataPass Santé, l'accès simplifié aux données de santé",
      LUCAS,
      'Lucas Martin',
      '2026-W37',
      '2026-09-07',
      '2026-09-13',
      '',
      'non',
    ]);
  });

  it('export: dates, every promotion by default, and clear messages for bad input', async () => {
    expect(await read(CLAIRE, 'export eig7 16/11 29/11')).toContain(
      'stand-ups-eig7-2026-11-16-2026-11-29.csv',
    );
    expect(await read(CLAIRE, 'export du 16/11 au 22/11')).toContain(
      'stand-ups-eig7-2026-11-16-2026-11-22.csv',
    );
    expect(await read(CLAIRE, 'export eig99')).toBe(
      'Je ne connais pas de stand-up pour la promotion « eig99 ». Promotions avec un stand-up : eig7.',
    );
    expect(await read(CLAIRE, 'export eig6')).toContain('Promotions avec un stand-up : eig7');
    expect(await read(CLAIRE, 'export eig7 31/02')).toContain('Le « 31/02 » n’existe pas');
    expect(await read(CLAIRE, 'export eig7 2026-11-20 2026-11-10')).toContain('La date de fin');
    expect(await read(CLAIRE, 'export eig7 01/09 02/09 03/09')).toContain('Usage : /standup export');
  });

  it('export is refused to an EIG, and nothing is sent', async () => {
    const before = bot.shellOutput();
    expect(await read(INES, 'export')).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );
    expect(bot.shellOutput().slice(before.length)).not.toContain('📎');
  });
});
