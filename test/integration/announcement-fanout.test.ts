import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { postAnnouncement } from '../support/announcement-flow.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';
import { waitFor } from '../support/wait.js';

const COUNT = 300;
// Slack's limits (1 post/s per channel, 8/s per workspace) counted over 250 ms instead of a second: four times
// faster, same shape (a shorter window leaves too little room for timer jitter); the outbox is configured to the same scaled figures.
const SCALED = { perChannelPerSecond: 1, workspacePerSecond: 8, windowMs: 250 };
const ENV = { OUTBOX_CHANNEL_INTERVAL_MS: '250', OUTBOX_WORKSPACE_PER_SECOND: '32' };

describe('an announcement DM’d to 300 people (real Redis, BullMQ, Slack double enforcing rate limits)', () => {
  const community = announcementCommunity(COUNT, 'fanout');
  let slack: SlackDouble;
  let bot: RunningCohorte;

  beforeAll(async () => {
    slack = await startSlackDouble({
      users: [
        ...community.users,
        // Two people Slack cannot reach: a deactivated account, and one never created.
        { id: 'U0GONE', email: 'parti@beta.gouv.fr', name: 'Parti', deleted: true },
      ],
      limits: SCALED,
    });
    const gone = community.file.replace(/\.yml$/, '-gone.yml');
    writeFileSync(
      gone,
      readFileSync(community.file, 'utf8').replace(
        'alumni: []',
        'alumni: [parti@beta.gouv.fr, jamais-inscrit@beta.gouv.fr]',
      ),
    );
    bot = await startCohorte({
      name: 'announcement-fanout',
      slackApiUrl: slack.url,
      communityFile: gone,
      env: ENV,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
  });

  it('delivers one copy to each, with at most 1% of posts answered 429, and reports the two failures', async () => {
    const { id, preview, confirmation } = await postAnnouncement(bot, {
      text: '*Appel à projets* ouvert jusqu’au 1er mars.',
      audience: 'eig, alumni',
      mode: 'dms',
    });
    expect(preview).toContain(`${COUNT + 2} destinataires`);
    expect(preview).toContain('Appel à projets');
    expect(confirmation).toContain(`Annonce ${id} en cours d’envoi`);

    const report = () => slack.messages('DU0CLAIRE').at(-1)?.text ?? '';
    await waitFor(() => report().includes('envoyée :'), 60_000, 'the final report');
    for (let i = 0; i < COUNT; i++) {
      expect(
        slack.messages(`DU${i}`).map((m) => m.text),
        `EIG ${i}`,
      ).toEqual(['*Appel à projets* ouvert jusqu’au 1er mars.']);
    }
    const posts = slack.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('DU'));
    const limited = posts.filter((c) => c.status === 429).length;
    expect(limited).toBeLessThanOrEqual(posts.length / 100);

    expect(report()).toContain(`${COUNT} / ${COUNT + 2} reçues, 2 échecs`);
    const final = JSON.stringify(slack.messages('DU0CLAIRE').at(-1)?.blocks);
    // The directory treats a deactivated account as not found (users.lookupByEmail answers it as deleted).
    expect(final).toContain('parti@beta.gouv.fr : compte désactivé');
    expect(final).toContain('jamais-inscrit@beta.gouv.fr : personne introuvable dans l’espace de travail');
    // The status message was edited in place: one message to the coordinator, brought up to date.
    expect(slack.messages('DU0CLAIRE')).toHaveLength(1);
    expect(slack.callsTo('chat.update').length).toBeGreaterThanOrEqual(1);
  });
});
