import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionReminderJob } from '../../jobs/session-reminder.job.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { communityWith } from '../support/community-with.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const CLAIRE = 'claire.dubois@beta.gouv.fr';
const COMMUNITY = communityWith({
  rituals: `
  - id: cafe
    kind: reminder
    message: Café virtuel à 10:00
    schedule: { days: [mardi], time: '09:50' }
`,
});

describe('what people read names things as they know them', () => {
  let bot: RunningCohorte;
  const now = new Date('2026-11-23T10:00:00+01:00');
  const command = async (name: string, text: string, email = CLAIRE) =>
    seen(
      await bot.cohorte.router.command({
        user: { platform: 'shell', id: email },
        command: name,
        text,
        channel: 'shell',
      }),
    );

  beforeAll(async () => {
    bot = await startCohorte({ name: 'readable-words', communityFile: COMMUNITY, clock: { now: () => now } });
  });
  afterAll(async () => {
    await bot?.stop();
  });

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
    const values = {
      title: 'Atelier',
      date: '17/12/2026',
      start: '14:00',
      end: '17:00',
      place: 'DINUM',
      address: '',
      agenda: '',
      capacity: '',
      promotions: 'eig7',
      mentors: 'yes',
      alumni: 'no',
    };
    await bot.cohorte.router.form({
      user: { platform: 'shell', id: CLAIRE },
      formId: 'session',
      values,
      context: '',
    });
    await waitFor(() => shellPosts(bot.shellOutput()).some((p) => p.text.includes('Pour :')));
    const post = shellPosts(bot.shellOutput()).find((p) => p.text.includes('Pour :'));
    expect(post?.text).toContain('Pour : la promotion EIG 7, leurs mentors, la coordination');
  });

  it('a full session says so in its D-7 reminder: « Je viens » puts you on the waiting list', async () => {
    const values = {
      title: 'Atelier Rust',
      date: '18/12/2026',
      start: '14:00',
      end: '17:00',
      place: 'Ségur',
      address: '',
      agenda: '',
      capacity: '1',
      promotions: 'eig7',
      mentors: 'no',
      alumni: 'no',
    };
    const session = { platform: 'shell' as const, id: CLAIRE };
    await bot.cohorte.router.form({ user: session, formId: 'session', values, context: '' });
    await bot.cohorte.services.sessions.answer('2026-12-18', 'ines.moreau@beta.gouv.fr', 'yes', 1);
    await sessionReminderJob.run(bot.cohorte.services, { sessionId: '2026-12-18', kind: 'd7', sequence: 0 });
    await waitFor(() => shellPosts(bot.shellOutput()).some((p) => p.to === '@thomas.nguyen@beta.gouv.fr'));
    const d7 = shellPosts(bot.shellOutput()).find((p) => p.to === '@thomas.nguyen@beta.gouv.fr');
    expect(d7?.text).toContain(
      'Dans une semaine, le vendredi 18 décembre 2026 : Atelier Rust à Ségur. La session est complète (1 place) : « Je viens » vous inscrit sur la liste d’attente.',
    );
  });
});
