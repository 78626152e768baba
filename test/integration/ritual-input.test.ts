import { describe, expect, it } from 'vitest';
import { cafeCommunity, driveOnShell } from '../support/shell-driver.js';
import { seen } from '../support/shell-replies.js';

const DEMO = { id: 'demo', message: 'Démo de fin de sprint', days: 'jeudi', time: '16:00', holidays: 'yes' };

describe('rituals: bad input is answered, never saved (shell, Redis, fixed clock)', () => {
  const shell = driveOnShell({
    name: 'rituals-input',
    communityFile: cafeCommunity(),
    now: new Date('2026-12-01T09:00:00+01:00'),
  });
  const command = (text: string) => shell.command('rituel', text);
  const ritualCommand = async (text: string) => seen(await command(text));
  const submit = (values: Record<string, string>, context = '') => shell.form('ritual', values, context);
  const chatIds = async () => (await shell.bot.cohorte.services.rituals.chatRituals()).map((r) => r.id);
  const schedulers = async () =>
    (await shell.bot.cohorte.queues.jobs.getJobSchedulers())
      .map((s) => s.key)
      .filter((k) => k.startsWith('ritual:'));

  it('a day that does not exist is a field error (every 2 weeks too), and the list still works', async () => {
    const outcome = seen(await submit({ ...DEMO, every: '2', start: '2026-02-31', end: '2026-13-01' }));
    expect(outcome).toContain(
      'start: Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, par exemple 08/12/2026.',
    );
    expect(outcome).toContain(
      'end: Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, après celle de début',
    );
    expect(outcome).not.toContain('Une erreur est survenue');
    expect(seen(await submit({ ...DEMO, every: '2', start: '2026-12-03', end: '2027-02-29' }))).toBe(
      'end: Une date du calendrier, JJ/MM/AAAA, JJ/MM ou AAAA-MM-JJ, après celle de début, par exemple 08/12/2026.',
    );
    expect(await chatIds()).toEqual([]);
    expect(await schedulers()).toEqual(['ritual:cafe']);
    expect(await ritualCommand('liste')).toContain('cafe (community.yml)');
  });

  it('a cron that is not 5 fields, or fires more than once a day, is refused with the floor and an example', async () => {
    const often =
      'cron: Un rituel est publié une fois par jour au plus : une seule minute et une seule heure, par exemple 0 9 * * 1 (le lundi à 09:00) ou 30 8 * * 1-5 (du lundi au vendredi à 08:30).';
    // `* * *` would fire every minute: cron-parser reads three fields, check-community refuses it.
    expect(seen(await submit({ ...DEMO, cron: '* * *' }))).toBe(
      'cron: Une expression cron à 5 champs, par exemple 0 9 * * 1 (le lundi à 09:00).',
    );
    expect(seen(await submit({ ...DEMO, cron: '*/5 * * * *' }))).toBe(often);
    expect(seen(await submit({ ...DEMO, cron: '0 9,17 * * 1' }))).toBe(often);
    expect(seen(await submit({ ...DEMO, cron: '0 * * * 1' }))).toBe(often);
    expect(await chatIds()).toEqual([]);
    expect(await schedulers()).toEqual(['ritual:cafe']);
    expect(seen(await submit({ ...DEMO, id: 'ouvre', cron: '30 8 * * 1-5' }))).toContain(
      'le rituel ouvre est créé',
    );
    expect(await ritualCommand('supprimer ouvre')).toContain('supprimé');
  });

  it('an end date already past is refused; today is accepted', async () => {
    expect(seen(await submit({ ...DEMO, end: '2026-11-30' }))).toBe(
      'end: Cette date de fin est déjà passée : indiquez aujourd’hui (01/12/2026) ou plus tard, ou laissez vide.',
    );
    expect(await chatIds()).toEqual([]);
    expect(
      seen(await submit({ ...DEMO, id: 'ajour', end: '2026-12-01', days: 'mardi', time: '18:00' })),
    ).toContain('le rituel ajour est créé. Prochaines dates : mardi 1er décembre 2026 à 18:00');
    expect(await ritualCommand('supprimer ajour')).toContain('supprimé');
  });

  it('a new ritual with the id of a chat ritual is refused on the id, and the existing one is kept', async () => {
    expect(seen(await submit(DEMO))).toContain('le rituel demo est créé');
    const other = { ...DEMO, message: 'Autre chose', days: 'lundi' };
    expect(seen(await submit(other))).toBe(
      'id: L’identifiant « demo » est déjà celui d’un rituel créé dans le chat. Choisissez-en un autre, ou tapez /rituel ajouter demo pour modifier celui-là.',
    );
    const [demo] = await shell.bot.cohorte.services.rituals.chatRituals();
    expect(demo).toMatchObject({
      id: 'demo',
      message: 'Démo de fin de sprint',
      schedule: { days: ['thursday'] },
    });
    // Editing it (its id as the form's context) still works.
    expect(seen(await submit({ ...DEMO, time: '17:00' }, 'demo'))).toContain('le rituel demo est modifié');
  });

  it('an edit submitted after the ritual was deleted does not bring it back', async () => {
    expect(await ritualCommand('supprimer demo')).toContain('le rituel demo est supprimé');
    expect(seen(await submit({ ...DEMO, time: '18:00' }, 'demo'))).toBe(
      'Le rituel demo a été supprimé entre-temps : rien n’est enregistré. Tapez /rituel ajouter pour en créer un nouveau.',
    );
    expect(await chatIds()).toEqual([]);
    expect(await schedulers()).toEqual(['ritual:cafe']);
  });

  it('/rituel ajouter <id>: an unknown id or a community.yml ritual is answered, not a blank form', async () => {
    const unknown = await command('ajouter nope');
    expect(unknown.form).toBeUndefined();
    expect(seen(unknown)).toBe(
      'Je ne connais pas le rituel « nope ». Tapez /rituel liste pour voir les identifiants, ou /rituel ajouter (sans identifiant) pour en créer un.',
    );
    const file = await command('ajouter cafe');
    expect(file.form).toBeUndefined();
    expect(seen(file)).toBe(
      'Le rituel « cafe » est défini dans community.yml : modifiez-le dans le fichier, ou suspendez-le avec /rituel pause cafe.',
    );
    expect((await command('ajouter')).form).toMatchObject({ formId: 'ritual', context: '' });
    expect(seen(await submit({ ...DEMO, id: 'revue' }))).toContain('le rituel revue est créé');
    const edit = (await command('ajouter revue')).form;
    expect(edit?.context).toBe('revue');
    expect(edit?.fields.find((f) => f.id === 'message')?.initial).toBe('Démo de fin de sprint');
  });
});
