import { afterEach, describe, expect, it } from 'vitest';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

describe('roster-sync job (real Redis, BullMQ, Slack double)', () => {
  let slack: SlackDouble;
  let bot: RunningCohorte;
  afterEach(async () => {
    await bot.stop();
    await slack.close();
  });

  it('resolves every e-mail of the file once and tells the coordination channel who has no Slack account', async () => {
    slack = await startSlackDouble({
      users: [
        { id: 'U0CLAIRE', email: 'claire.dubois@beta.gouv.fr', name: 'Claire Dubois' },
        { id: 'U0INES', email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' },
      ],
    });
    bot = await startCohorte({ name: 'roster', slackApiUrl: slack.url });
    const control = bot.cohorte.jobControl;
    expect((await control.list()).map((s) => s.id)).toContain('roster-sync');
    expect(await control.runNow('roster-sync')).toBe(true);
    await waitFor(() => slack.messages('#eig-coordination').length === 1, 10_000);
    const [message] = slack.messages('#eig-coordination');
    expect(message?.text).toMatch(/^Annuaire : 2 personnes trouvées sur la messagerie, \d+ introuvables : /);
    expect(message?.text).toContain('thomas.nguyen@beta.gouv.fr');
    expect(message?.text).not.toContain('ines.moreau@beta.gouv.fr');

    // A second run the same day: lookups come from the cache, and the summary is not posted twice.
    const lookups = slack.callsTo('users.lookupByEmail').length;
    await control.runNow('roster-sync');
    await waitFor(() => bot.logs.filter((l) => l.includes('Annuaire')).length === 2, 10_000);
    expect(slack.callsTo('users.lookupByEmail').length - lookups).toBe(lookups - 2);
    expect(slack.messages('#eig-coordination')).toHaveLength(1);
  });
});
