import { afterEach, describe, expect, it } from 'vitest';
import { clickAndRead } from '../support/mattermost-click.js';
import {
  buttonsOfMm,
  command,
  type MattermostE2e,
  MM_CHANNELS,
  MM_PEOPLE,
  readable,
  SYSTEM_ADMIN_BOT,
  startMattermostE2e,
  submitDialog,
} from '../support/mattermost-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines } = MM_PEOPLE;
const ANSWERS = { meteo: '🌤️', priorites: 'la recette', difficultes: '', aide: '' };

// POST /api/v4/posts/ephemeral needs create_post_ephemeral (api4/post.go), which by default only system admins
// hold (public/model/role.go): a bot made without the System Admin box lacks it. Answers that a response body can
// carry (a click's ephemeral_text) need no permission; a dialog's answer can only be a post.
describe('Mattermost with and without create_post_ephemeral', () => {
  let e2e: MattermostE2e;
  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e?.stop();
  });

  const missingLines = () => e2e.bot.logs.filter((line) => line.includes('lacks create_post_ephemeral'));
  const ephemeralCalls = () => e2e.double.callsTo('POST', '/posts/ephemeral');

  /** Inès submits her stand-up dialog from #defi-lexiq. */
  async function submitStandup() {
    await command(e2e, ines, '', { command: 'standup', channel: MM_CHANNELS.lexiq });
    await waitFor(() => e2e.double.dialogs().length === 1, 5000, 'the dialog');
    const [opened] = e2e.double.dialogs();
    if (!opened) throw new Error('no dialog');
    expect((await submitDialog(e2e, ines, opened, ANSWERS, MM_CHANNELS.lexiq)).json).toEqual({});
  }

  it('a bot without it says so in one line at boot, answers clicks in the response, and dialogs in the DM', async () => {
    e2e = await startMattermostE2e('mm-no-ephemeral');
    expect(missingLines()).toHaveLength(1);

    const asked = await command(e2e, ines, 'oublier');
    const [, no] = buttonsOfMm(asked.json);
    if (!no) throw new Error('no « Annuler » button');
    const clicked = await clickAndRead(e2e, ines, no);
    expect(clicked.status).toBe(200);
    expect(clicked.text).toBe('Rien n’a été effacé.');

    await submitStandup();
    const dm = () => e2e.double.posts(e2e.double.dmWith(ines.id) ?? 'none');
    await waitFor(() => dm().length === 1, 5000, 'the confirmation in her DM');
    expect(readable(dm()[0]?.message ?? '')).toContain('C’est noté');
    // Nothing was tried that the server refuses.
    expect(ephemeralCalls()).toEqual([]);
    expect(e2e.double.calls.filter((c) => c.status === 403)).toEqual([]);
  });

  it('a System Admin bot has it: no warning, and the dialog’s answer shows in the channel, to her only', async () => {
    e2e = await startMattermostE2e('mm-ephemeral', {}, { botRoles: SYSTEM_ADMIN_BOT });
    expect(missingLines()).toEqual([]);
    await submitStandup();
    await waitFor(() => e2e.double.ephemerals().length === 1, 5000, 'the confirmation');
    const [shown] = e2e.double.ephemerals();
    expect(shown?.user_id).toBe(ines.id);
    expect(shown?.post.channel_id).toBe(MM_CHANNELS.lexiq);
    expect(readable(String(shown?.post.message))).toContain('C’est noté');
    expect(e2e.double.dmWith(ines.id)).toBeUndefined();
  });

  it('finds everyone mentioned as the server sends them: @Ines. typed with a capital and a full stop', async () => {
    e2e = await startMattermostE2e('mm-mentions');
    const granted = await command(e2e, claire, 'role @Ines. mentor lexiq');
    expect(readable(String(granted.json?.text))).toContain('ines.moreau@beta.gouv.fr a maintenant le rôle');
  });
});
