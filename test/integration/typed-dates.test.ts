import { describe, expect, it } from 'vitest';
import { sessionFormValues } from '../support/session-fixture.js';
import { driveOnShell } from '../support/shell-driver.js';
import { seen } from '../support/shell-replies.js';

describe('dates and times are typed the same way in every form, and error examples are days to come', () => {
  const shell = driveOnShell({
    name: 'typed-dates',
    // Well after the dates the catalog used to give as examples (2026-12-01, 03/12/2026).
    now: new Date('2027-03-10T10:00:00+01:00'),
  });
  const submit = async (formId: string, values: Record<string, string>) =>
    seen(await shell.form(formId, values));

  it('a ritual takes 9:00 and dates as JJ/MM/AAAA, JJ/MM or AAAA-MM-JJ', async () => {
    const base = { message: 'Démo', days: 'jeudi', holidays: 'yes' };
    expect(
      await submit('ritual', { ...base, id: 'demo', time: '9:00', start: '15/03/2027', end: '30/06' }),
    ).toContain('le rituel demo est créé');
    expect(await submit('ritual', { ...base, id: 'retro', time: '16h30', start: '2027-03-15' })).toContain(
      'le rituel retro est créé',
    );
    const stored = await shell.bot.cohorte.services.rituals.chatRituals();
    expect(stored.map((r) => [r.id, r.schedule, r.start, r.end])).toEqual([
      ['demo', { days: ['thursday'], time: '09:00', every: 1 }, '2027-03-15', '2027-06-30'],
      ['retro', { days: ['thursday'], time: '16:30', every: 1 }, '2027-03-15', undefined],
    ]);
    expect(
      await submit('ritual', { ...base, id: 'bad', time: '25:00', start: 'demain', end: '31/02/2027' }),
    ).toBe(
      [
        'time: Une heure, par exemple 09:30 ou 9:30 (pas entre 01:00 et 02:59).',
        'start: Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, par exemple 17/03/2027.',
        'end: Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, après celle de début, par exemple 17/03/2027.',
      ].join('\n'),
    );
  });

  it('a session takes 9:00 for its times, and its date error gives an example to come', async () => {
    const values = sessionFormValues({ date: '17/03', start: '9:00', end: '12:30' });
    expect(await submit('session', values)).toContain('la session Atelier du mercredi 17 mars 2027');
    expect(await shell.bot.cohorte.services.sessions.get('2027-03-17')).toMatchObject({
      start: '09:00',
      end: '12:30',
    });
    expect(await submit('session', { ...values, date: 'mardi' })).toBe(
      'date: Une date à venir, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, par exemple 17/03/2027.',
    );
  });

  it('a session is named by its date typed either way, and commands give examples to come', async () => {
    const command = async (name: string, text: string) => seen(await shell.command(name, text));
    for (const id of ['17/03', '17/03/2027', '2027-03-17'])
      expect(await command('session', `modifier ${id}`)).not.toContain('Je ne connais pas');
    expect(await command('session', 'modifier 18/03')).toBe(
      'Je ne connais pas la session « 18/03 ». L’identifiant d’une session, même passée, est sa date : par exemple 17/03/2027 ou 2027-03-17 (2027-03-17-2 pour la deuxième du jour, <règle>-2027-03-17 pour une session de community.yml). Tapez /session pour voir les sessions à venir.',
    );
    expect(await command('bulle', 'pause demain')).toBe(
      '« demain » n’est pas une date que je comprends. Écrivez-la JJ/MM, JJ/MM/AAAA ou AAAA-MM-JJ, par exemple 17/03/2027.',
    );
  });

  it('an announcement is programmed with JJ/MM/AAAA 9:00 as well as AAAA-MM-JJ 09:00', async () => {
    const when = async (text: string) =>
      submit('annonce', { text: 'Bonjour', audience: 'eig7', mode: 'channels', when: text });
    expect(await when('15/03/2027 9:00')).toContain('lundi 15 mars 2027 à 09:00');
    expect(await when('15/03 14h30')).toContain('lundi 15 mars 2027 à 14:30');
    expect(await when('2027-03-15 09:00')).toContain('lundi 15 mars 2027 à 09:00');
    expect(await when('bientôt')).toBe(
      'when: Écrivez la date et l’heure ainsi : 17/03/2027 09:30 (heure de Europe/Paris), ou laissez vide.',
    );
  });
});
