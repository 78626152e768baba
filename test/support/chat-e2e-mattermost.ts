import { expect } from 'vitest';
import { renderMattermost } from '../../src/chat/mattermost/mattermost-render.js';
import { createSigner } from '../../src/chat/mattermost/mattermost-sign.js';
import type { ChatE2e, Clicked, PersonKey, Seen } from './chat-e2e.js';
import { clickAndRead } from './mattermost-click.js';
import {
  asSlackMarkers,
  buttonsOfMm,
  type MattermostAnswer,
  MM_PEOPLE,
  command as mmCommand,
  shownMm,
  startMattermostE2e,
} from './mattermost-e2e.js';
import type { MattermostButton } from './mattermost-shown.js';

/** The bot on the Mattermost double, driven as a Mattermost server drives it. */
export async function mattermostE2e(name: string): Promise<ChatE2e> {
  const e2e = await startMattermostE2e(`${name}-mm`);
  const { double } = e2e;
  const clickAs = (person: PersonKey, button: MattermostButton): Promise<Clicked> =>
    clickAndRead(e2e, MM_PEOPLE[person], button);
  const seen = (answer: MattermostAnswer): Seen => {
    expect(answer.type).toBe('application/json');
    return {
      status: answer.status,
      ephemeral: answer.json?.response_type === 'ephemeral',
      text: asSlackMarkers(shownMm(answer.json)),
      ms: answer.ms,
      buttons: buttonsOfMm(answer.json).map((b) => ({
        label: b.name,
        click: (person) => clickAs(person, b),
      })),
    };
  };
  return {
    platform: 'mattermost',
    prefix: '/',
    bot: e2e.bot,
    async cohorte(person, text) {
      // Typed as @username: the server resolves it and sends its id along (the double, as the server).
      const typed = text.replace(/\{(\w+)\}/g, (_, key: PersonKey) => `@${MM_PEOPLE[key].username}`);
      return seen(await mmCommand(e2e, MM_PEOPLE[person], typed));
    },
    email: (address) => address,
    lookups: (person) =>
      double.callsTo('GET', '/users/{user_id}').filter((c) => c.path.endsWith(`/${MM_PEOPLE[person].id}`))
        .length,
    files: () =>
      double.files().map((f) => ({
        to: Object.values(MM_PEOPLE).find((p) => double.dmWith(p.id) === f.channel_id)?.email ?? f.channel_id,
        name: f.name,
        content: f.content,
      })),
    dmTexts: (person) => {
      const dm = double.dmWith(MM_PEOPLE[person].id);
      return dm ? double.posts(dm).map((p) => asSlackMarkers(p.message)) : [];
    },
    userId: (person) => MM_PEOPLE[person].id,
    clickUnknown(person) {
      // A button Cohorte signed for an action no handler knows, as an old post could carry.
      const [post] = renderMattermost(
        {
          fallback: [],
          blocks: [{ kind: 'actions', buttons: [{ actionId: 'inconnu', label: [], value: 'yes' }] }],
        },
        { actionUrl: `${e2e.bot.baseUrl}/mattermost/action`, signer: createSigner(double.token) },
      );
      const [button] = buttonsOfMm(post);
      if (!button) throw new Error('no button rendered');
      return clickAs(person, button);
    },
    async stop() {
      expect(double.offSpec).toEqual([]);
      await e2e.stop();
    },
  };
}
