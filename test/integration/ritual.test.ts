import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ritualJob } from '../../jobs/ritual.job.js';
import { type RunningCohorte, startCohorte, uniquePrefix } from '../support/cohorte.js';
import { communityWith } from '../support/community-with.js';
import { shellCommand } from '../support/shell-driver.js';
import { seen } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const CLAIRE = 'claire.dubois@beta.gouv.fr';
const INES = 'ines.moreau@beta.gouv.fr';
const COMMUNITY = communityWith({
  rituals: `
  - id: cafe
    kind: reminder
    message: Café virtuel à 10:00, venez comme vous êtes @here
    schedule: { days: [mardi], time: '09:50' }
`,
});
const DEMO = { id: 'demo', message: 'Démo de fin de sprint', days: 'jeudi', time: '16:00', holidays: 'yes' };

describe('rituals on the real bot (shell, Redis, BullMQ, fixed clock)', () => {
  const prefix = uniquePrefix('rituals');
  let bot: RunningCohorte;
  let now = new Date('2026-12-01T09:00:00+01:00');
  const start = () =>
    startCohorte({
      name: 'rituals',
      communityFile: COMMUNITY,
      env: { REDIS_PREFIX: prefix },
      clock: { now: () => now },
    });
  const ritualCommand = async (email: string, text: string) =>
    seen(await shellCommand(bot, 'rituel', text, email));
  const submit = (values: Record<string, string>, context = '') =>
    bot.cohorte.router.form({ user: { platform: 'shell', id: CLAIRE }, formId: 'ritual', values, context });
  const schedulers = async () =>
    (await bot.cohorte.queues.jobs.getJobSchedulers()).filter((s) => s.key.startsWith('ritual:'));
  const delayedOf = async (id: string) =>
    (await bot.cohorte.queues.jobs.getDelayed()).filter((job) => job.repeatJobKey === id);

  beforeAll(async () => {
    bot = await start();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('boots with one scheduler per file ritual, under its stable id, in Paris time', async () => {
    expect((await schedulers()).map((s) => [s.key, s.pattern, s.tz])).toEqual([
      ['ritual:cafe', '50 9 * * 2', 'Europe/Paris'],
    ]);
  });

  it('lists the file ritual with its next three dates; to coordinators only', async () => {
    expect(await ritualCommand(INES, 'liste')).toContain('réservée aux coordinateurs');
    const list = await ritualCommand(CLAIRE, 'liste');
    expect(list).toContain('cafe (community.yml) dans #eig-communaute');
    expect(list).toContain(
      'Prochaines dates : mardi 1er décembre 2026 à 09:50 ; mardi 8 décembre 2026 à 09:50 ; mardi 15 décembre 2026 à 09:50',
    );
    expect(await ritualCommand(INES, 'pause cafe')).toContain('réservée aux coordinateurs');
    expect(await ritualCommand(CLAIRE, 'supprimer cafe')).toContain('défini dans community.yml');
    expect(await ritualCommand(CLAIRE, 'pause')).toContain('Usage : /rituel pause <id>');
    expect(await ritualCommand(CLAIRE, 'pause nope')).toContain('Je ne connais pas le rituel « nope »');
  });

  it('refuses a bad form field by field, saying what to type, and keeps nothing', async () => {
    const outcome = await submit({ ...DEMO, time: '25:00', days: 'jeudo' });
    expect(outcome).toMatchObject({ errors: { time: expect.anything(), days: expect.anything() } });
    expect(seen(await submit({ ...DEMO, cron: '61 * * * *' }))).toContain('cron à 5 champs');
    expect(seen(await submit({ ...DEMO, id: 'cafe' }))).toContain('déjà celui d’un rituel de community.yml');
    expect(await schedulers()).toHaveLength(1);
  });

  it('a ritual made in chat is scheduled at once; editing it re-schedules it exactly once', async () => {
    expect(seen(await submit(DEMO))).toContain(
      'le rituel demo est créé. Prochaines dates : jeudi 3 décembre 2026 à 16:00',
    );
    expect((await schedulers()).map((s) => s.key).sort()).toEqual(['ritual:cafe', 'ritual:demo']);
    expect(await delayedOf('ritual:demo')).toHaveLength(1);

    expect(seen(await submit({ ...DEMO, time: '17:30', every: '2' }, 'demo'))).toContain(
      'le rituel demo est modifié. Prochaines dates : jeudi 3 décembre 2026 à 17:30 ; jeudi 17 décembre 2026 à 17:30',
    );
    const demo = (await schedulers()).filter((s) => s.key === 'ritual:demo');
    expect(demo.map((s) => s.pattern)).toEqual(['30 17 * * 4']);
    const delayed = await delayedOf('ritual:demo');
    expect(delayed).toHaveLength(1);
    expect(new Date((delayed[0]?.timestamp ?? 0) + (delayed[0]?.delay ?? 0)).getUTCHours()).toBe(16);
    // The shell's `:run` finds a chat ritual's scheduler too, though no definition names it.
    expect(await bot.cohorte.jobControl.runNow('ritual:demo')).toBe(true);
    const manual = (await bot.cohorte.queues.jobs.getJobs(['waiting', 'active', 'completed'])).filter(
      (job) => job.data.manual === true,
    );
    expect(manual.map((job) => [job.name, job.data.ritualId])).toEqual([['ritual', 'demo']]);
    const list = await ritualCommand(CLAIRE, '');
    expect(list).toContain('cafe (community.yml)');
    expect(list).toContain('demo (créé dans le chat) dans #eig-communaute : « Démo de fin de sprint »');
  });

  it('a restart neither duplicates nor drops a ritual, whether from the file or the chat', async () => {
    await bot.cohorte.stop();
    bot = await start();
    const after = await schedulers();
    expect(after.map((s) => [s.key, s.pattern]).sort()).toEqual([
      ['ritual:cafe', '50 9 * * 2'],
      ['ritual:demo', '30 17 * * 4'],
    ]);
    expect(await delayedOf('ritual:demo')).toHaveLength(1);
    expect(await delayedOf('ritual:cafe')).toHaveLength(1);
  });

  it('posts at an occurrence, once, as literal text; nothing off its days', async () => {
    now = new Date('2026-12-01T09:50:00.200+01:00');
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'cafe' })).toContain(
      'posted for 2026-12-01T08:50:00.000Z',
    );
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'cafe' })).toContain('posted');
    await waitFor(() => bot.shellOutput().includes('Café virtuel'));
    expect(bot.shellOutput().split('Café virtuel à 10:00').length - 1).toBe(1);
    expect(bot.shellOutput()).toContain('#eig-communaute');
    now = new Date('2026-12-10T17:30:00+01:00');
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'demo' })).toContain('not an occurrence');
  });

  it('skips only the next occurrence, and a paused ritual posts nothing until resumed', async () => {
    now = new Date('2026-12-02T12:00:00+01:00');
    expect(await ritualCommand(CLAIRE, 'sauter cafe')).toContain(
      'ne sera pas publié le mardi 8 décembre 2026 à 09:50. Pour revenir en arrière : /rituel sauter cafe annuler. Prochaines dates : mardi 15 décembre 2026 à 09:50',
    );
    now = new Date('2026-12-08T09:50:01+01:00');
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'cafe' })).toContain('not an occurrence');
    expect(await ritualCommand(CLAIRE, 'pause cafe')).toContain('est en pause');
    expect(await ritualCommand(CLAIRE, 'liste')).toContain('En pause');
    now = new Date('2026-12-15T09:50:01+01:00');
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'cafe' })).toContain('paused');
    // Run by hand (the shell's `:run`), a paused ritual stays as silent as its scheduler.
    expect(await ritualJob.run(bot.cohorte.services, { ritualId: 'cafe', manual: true })).toContain('paused');
    expect(await ritualCommand(CLAIRE, 'reprendre cafe')).toContain(
      'reprend. Prochaines dates : mardi 22 décembre 2026 à 09:50',
    );
  });

  it('deleting a chat ritual removes its scheduler at once', async () => {
    expect(await ritualCommand(CLAIRE, 'supprimer demo')).toContain('le rituel demo est supprimé');
    expect((await schedulers()).map((s) => s.key)).toEqual(['ritual:cafe']);
    expect(await delayedOf('ritual:demo')).toHaveLength(0);
    expect(await ritualCommand(CLAIRE, 'liste')).not.toContain('demo');
  });
});
