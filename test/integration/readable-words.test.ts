import { describe, expect, it } from 'vitest';
import { sessionReminderJob } from '../../jobs/session-reminder.job.js';
import { sessionFormValues } from '../support/session-fixture.js';
import { cafeCommunity, driveOnShell } from '../support/shell-driver.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

describe('what people read names things as they know them', () => {
  const shell = driveOnShell({
    name: 'readable-words',
    communityFile: cafeCommunity(),
    now: new Date('2026-11-23T10:00:00+01:00'),
  });
  const command = async (name: string, text: string) => seen(await shell.command(name, text));

  it('/rituel liste shows the stand-ups too, and a paused ritual says the very command to resume it', async () => {
    expect(await command('rituel', 'pause cafe')).toContain('est en pause');
    const list = await command('rituel', 'liste');
    expect(list).toContain('En pause : tapez /rituel reprendre cafe pour le relancer.');
    expect(list).toContain(
      'standup-eig7 (stand-up de la promotion EIG 7, community.yml) : /standup pour écrire le sien',
    );
    expect(list).toContain(
      'Prochaines échéances : vendredi 27 novembre 2026 à 15:00 ; vendredi 4 décembre 2026 à 15:00 ; vendredi 11 décembre 2026 à 15:00',
    );
  });

  it('a session announcement names the promotion by its name, EIG 7, not its id', async () => {
    await shell.form('session', sessionFormValues({ mentors: 'yes' }));
    await waitFor(() => shellPosts(shell.bot.shellOutput()).some((p) => p.text.includes('Pour :')));
    const post = shellPosts(shell.bot.shellOutput()).find((p) => p.text.includes('Pour :'));
    expect(post?.text).toContain('Pour : la promotion EIG 7, leurs mentors, la coordination');
  });

  it('a full session says so in its D-7 reminder: « Je viens » puts you on the waiting list', async () => {
    const values = sessionFormValues({
      title: 'Atelier Rust',
      date: '18/12/2026',
      place: 'Ségur',
      capacity: '1',
    });
    await shell.form('session', values);
    await shell.bot.cohorte.services.sessions.answer('2026-12-18', 'ines.moreau@beta.gouv.fr', 'yes');
    await sessionReminderJob.run(shell.bot.cohorte.services, {
      sessionId: '2026-12-18',
      kind: 'd7',
      sequence: 0,
    });
    await waitFor(() =>
      shellPosts(shell.bot.shellOutput()).some((p) => p.to === '@thomas.nguyen@beta.gouv.fr'),
    );
    const d7 = shellPosts(shell.bot.shellOutput()).find((p) => p.to === '@thomas.nguyen@beta.gouv.fr');
    expect(d7?.text).toContain(
      'Dans une semaine, le vendredi 18 décembre 2026 : Atelier Rust à Ségur. La session est complète (1 place) : « Je viens » vous inscrit sur la liste d’attente.',
    );
  });
});
