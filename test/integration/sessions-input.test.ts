import { describe, expect, it } from 'vitest';
import { outboxIdle } from '../support/job-runner.js';
import { aSession, sessionFormValues } from '../support/session-fixture.js';
import { driveOnShell } from '../support/shell-driver.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitForAsync } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const VALUES = sessionFormValues({ title: 'Atelier accessibilité' });

describe('sessions: bad input is answered, nothing sent twice or for nothing (shell, Redis, fixed clock)', () => {
  const shell = driveOnShell({ name: 'sessions-input', now: new Date('2026-11-23T10:00:00+01:00') });
  const services = () => shell.bot.cohorte.services;
  const command = async (text: string) => seen(await shell.command('session', text));
  const form = async (values: Record<string, string>, context = '') =>
    seen(await shell.form('session', values, context));
  // The outbox paces posts: wait until what earlier steps sent is out, then read the shell.
  const settled = async () => {
    await waitForAsync(() => outboxIdle(shell.bot));
    return shellPosts(shell.bot.shellOutput());
  };
  const onDay = async (date: string) => (await services().sessions.all()).filter((s) => s.date === date);

  it('the new-session form submitted twice (one after the other, or at once) creates and announces one session', async () => {
    const created =
      'C’est fait : la session Atelier accessibilité du jeudi 17 décembre 2026 (2026-12-17) est créée et annoncée dans #eig-communaute.';
    expect(await form(VALUES)).toBe(created);
    expect(await form(VALUES)).toBe(created);
    expect((await onDay('2026-12-17')).map((s) => s.id)).toEqual(['2026-12-17']);
    const twice = await Promise.all([
      form({ ...VALUES, date: '2026-12-18' }),
      form({ ...VALUES, date: '2026-12-18' }),
    ]);
    expect(twice[0]).toBe(twice[1]);
    expect(twice[0]).toContain('(2026-12-18) est créée');
    expect((await onDay('2026-12-18')).map((s) => s.id)).toEqual(['2026-12-18']);
    const announced = (await settled()).filter((p) => p.to === '#eig-communaute');
    expect(announced).toHaveLength(2);
    // Another title, or another start, the same day is another session.
    expect(await form({ ...VALUES, start: '09:00' })).toContain('(2026-12-17-2) est créée');
  });

  it('a day whose ids are all used says so, not « a date to come »', async () => {
    for (let n = 1; n <= 9; n++) {
      const id = n === 1 ? '2027-01-14' : `2027-01-14-${n}`;
      await services().sessions.create(aSession({ id, date: '2027-01-14', title: `Session ${n}` }));
    }
    expect(await form({ ...VALUES, date: '14/01/2027' })).toBe(
      'date: Ce jour compte déjà 9 sessions : choisissez une autre date, ou changez l’une d’elles avec /session modifier <id>.',
    );
    expect(await onDay('2027-01-14')).toHaveLength(9);
  });

  it('a session cancelled meanwhile is neither opened nor changed by /session modifier', async () => {
    const values = { ...VALUES, title: 'Journée de promotion', date: '2026-12-10' };
    expect(await form(values)).toContain('(2026-12-10) est créée et annoncée');
    await services().sessions.answer('2026-12-10', INES, 'yes');
    const before = (await settled()).length;
    expect(await command('annuler 2026-12-10')).toContain('est annulée ; 1 personne prévenue');
    const afterCancel = (await settled()).length;
    expect(afterCancel).toBeGreaterThan(before);
    const already = 'La session Journée de promotion du jeudi 10 décembre 2026 est déjà annulée.';
    expect(await command('modifier 2026-12-10')).toBe(already);
    // An edit form opened before the cancellation, submitted after it.
    expect(await form({ ...values, start: '10:00' }, '2026-12-10')).toBe(already);
    expect(await services().sessions.get('2026-12-10')).toMatchObject({
      cancelled: true,
      sequence: 1,
      title: 'Journée de promotion',
    });
    expect((await settled()).length).toBe(afterCancel);
  });

  it('a past session cannot be cancelled: nobody is told an event they went to is off', async () => {
    await services().sessions.create(aSession({ id: '2026-11-19', date: '2026-11-19' }));
    await services().sessions.answer('2026-11-19', INES, 'yes');
    const before = (await settled()).length;
    expect(await command('annuler 2026-11-19')).toBe(
      'La session Journée de promotion du jeudi 19 novembre 2026 est passée : elle ne peut plus être annulée.',
    );
    expect(await services().sessions.get('2026-11-19')).toMatchObject({ cancelled: false, sequence: 0 });
    expect((await settled()).length).toBe(before);
  });

  it('an unknown id, or none, says that a session’s id is its date, past sessions included', async () => {
    expect(await command('avis 20/11/2026')).toBe(
      'Je ne connais pas la session « 20/11/2026 ». L’identifiant d’une session, même passée, est sa date : par exemple 30/11/2026 ou 2026-11-30 (2026-11-30-2 pour la deuxième du jour, <règle>-2026-11-30 pour une session de community.yml). Tapez /session pour voir les sessions à venir.',
    );
    expect(await command('avis')).toBe(
      'Usage : /session avis <id>. L’identifiant d’une session, même passée, est sa date : par exemple 16/11/2026 ou 2026-11-16 (<règle>-2026-11-16 pour une session de community.yml).',
    );
    // Typed as any date: JJ/MM/AAAA, or JJ/MM for the last such day gone by.
    expect(await command('avis 19/11/2026')).toContain('Aucun avis reçu pour Journée de promotion');
    expect(await command('avis 19/11')).toContain('Aucun avis reçu pour Journée de promotion');
    // The past session is not listed by /session, but its id, its date, works.
    expect(await command('')).not.toContain('2026-11-19');
    expect(await command('avis 2026-11-19')).toContain('Aucun avis reçu pour Journée de promotion');
  });
});
