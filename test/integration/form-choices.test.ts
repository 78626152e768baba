import { describe, expect, it } from 'vitest';
import { sessionFormValues } from '../support/session-fixture.js';
import { driveOnShell } from '../support/shell-driver.js';
import { seen } from '../support/shell-replies.js';

describe('a choice answered with something that is not one of its choices is refused, never replaced', () => {
  const shell = driveOnShell({ name: 'form-choices', now: new Date('2026-11-23T10:00:00+01:00') });
  const submit = async (formId: string, values: Record<string, string>) =>
    seen(await shell.form(formId, values));

  it('an announcement sent « 5 » ways is not sent both ways: the form names the three choices', async () => {
    expect(await submit('annonce', { text: 'Bonjour', audience: 'eig7', mode: '5', when: '' })).toBe(
      'mode: « 5 » n’est pas un des choix : Dans les canaux correspondants, En message privé à chaque personne ou Les deux.',
    );
    expect(await shell.bot.cohorte.services.announcements.recent(10)).toEqual([]);
  });

  it('a yes/no question answered « 5 » is asked again, in sessions and rituals', async () => {
    const session = sessionFormValues({ mentors: '5' });
    expect(await submit('session', session)).toBe('mentors: « 5 » n’est pas un des choix : oui ou non.');
    const ritual = { id: 'demo', message: 'Démo', days: 'jeudi', time: '16:00', holidays: '5' };
    expect(await submit('ritual', ritual)).toBe('holidays: « 5 » n’est pas un des choix : oui ou non.');
    expect(await shell.bot.cohorte.services.sessions.all()).toEqual([]);
    expect(await shell.bot.cohorte.services.rituals.chatRituals()).toEqual([]);
  });
});
