import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementCommunity } from '../support/announcement-community.js';
import { clickAndRead } from '../support/mattermost-click.js';
import { dialogReader } from '../support/mattermost-dialogs.js';
import type { MattermostDoubleUser } from '../support/mattermost-double.js';
import {
  asSlackMarkers,
  buttonsOfMm,
  command,
  type MattermostE2e,
  MM_PEOPLE,
  SYSTEM_ADMIN_BOT,
  shownMm,
  startMattermostE2e,
  submitDialog,
} from '../support/mattermost-e2e.js';
import { waitFor } from '../support/wait.js';

const COUNT = 24;
const TEXT = 'Appel à projets ouvert jusqu’au 1er mars. @all';

// /annonce on Mattermost, from the dialog to the last DM, against a server that answers 429 past 10 requests per
// second (burst 5): the bot's own pacing (8 per second, the default) must keep every call under it.
describe('Mattermost /annonce end to end: dialog, preview, DM fan-out paced under the server’s limit', () => {
  const community = announcementCommunity(COUNT, 'mm-announce');
  const { claire } = MM_PEOPLE;
  const eig: MattermostDoubleUser[] = community.eig.map((email, i) => ({
    id: `eig${String(i).padStart(3, '0')}`.padEnd(26, 'x'),
    username: `eig${i}`,
    email,
  }));
  let e2e: MattermostE2e;
  let read: ReturnType<typeof dialogReader>;

  beforeAll(async () => {
    e2e = await startMattermostE2e(
      'mm-announce',
      { MATTERMOST_REQUESTS_PER_SECOND: '8' },
      // A System Admin bot: the preview is an ephemeral post, whose buttons the server cannot update.
      {
        users: [claire, ...eig],
        communityFile: community.file,
        perSecond: 10,
        burst: 5,
        botRoles: SYSTEM_ADMIN_BOT,
      },
    );
    read = dialogReader(e2e);
  });
  afterAll(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e?.stop();
  });

  /** Texts of the posts in a person's DM with the bot. */
  const dmTexts = (user: MattermostDoubleUser): string[] => {
    const channel = e2e.double.dmWith(user.id);
    return channel ? e2e.double.posts(channel).map((p) => p.message) : [];
  };

  it('refuses the command to someone who is not a coordinator', async () => {
    const refused = await command(e2e, eig[0] as MattermostDoubleUser, '', { command: 'annonce' });
    expect(refused.json?.response_type).toBe('ephemeral');
    expect(asSlackMarkers(String(refused.json?.text))).toContain('coordinat');
    expect(e2e.double.dialogs()).toHaveLength(0);
  });

  it('delivers one copy to each EIG, escaped, with no 429, and reports to the coordinator', async () => {
    await command(e2e, claire, '', { command: 'annonce' });
    const dialog = await read.nextDialog();
    expect(dialog.dialog).toMatchObject({ callback_id: 'annonce' });
    expect(
      (await submitDialog(e2e, claire, dialog, { text: TEXT, audience: 'eig', mode: 'dms', when: '' })).json,
    ).toEqual({});
    const preview = await read.nextEphemeral();
    expect(preview?.user_id).toBe(claire.id);
    expect(asSlackMarkers(shownMm(preview?.post))).toContain(`${COUNT} destinataires`);
    const send = buttonsOfMm(preview?.post).find((b) => b.name === 'Envoyer');
    if (!send) throw new Error('no Envoyer button on the preview');
    expect((await clickAndRead(e2e, claire, send)).text).toContain('en cours d’envoi');

    await waitFor(() => eig.every((u) => dmTexts(u).length > 0), 30_000, 'a DM to every EIG');
    const report = () => asSlackMarkers(dmTexts(claire).at(-1) ?? '');
    await waitFor(() => report().includes('envoyée'), 15_000, 'the final report');
    for (const user of eig) {
      const [copy, ...more] = dmTexts(user);
      expect(more).toEqual([]);
      // Shown as written, with a zero-width space after the @ of @all so it notifies nobody.
      expect(copy).toContain('Appel à projets');
      expect(copy).toContain('@\u200Ball');
      expect(copy).not.toContain('@all');
    }
    expect(e2e.double.calls.filter((c) => c.status === 429)).toEqual([]);
  });
});
