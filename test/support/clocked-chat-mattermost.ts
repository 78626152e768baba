import { expect } from 'vitest';
import {
  type ChatPerson,
  type ClockedChat,
  type ClockedChatOptions,
  clockedChat,
  type Place,
  type SeenPost,
  startOnDouble,
} from './clocked-chat.js';
import { clickAndRead } from './mattermost-click.js';
import type { MattermostDoublePost, MattermostDoubleUser } from './mattermost-double.js';
import {
  asSlackMarkers,
  buttonsOfMm,
  command,
  MM_CHANNELS,
  mmChannelId,
  shownMm,
  startMattermostE2e,
} from './mattermost-e2e.js';

/** A chat member as a Mattermost user: the first name, lower-cased, as username. */
const userOf = (person: ChatPerson): MattermostDoubleUser => ({
  id: person.id,
  username: person.name.split(' ')[0]?.toLowerCase() ?? '',
  email: person.email,
});

/** {@link ClockedChat} on the Mattermost double, driven as a Mattermost server drives the bot. */
export async function startClockedChatMattermost(options: ClockedChatOptions): Promise<ClockedChat> {
  const { people, clock, e2e, runner } = await startOnDouble(
    { ...options, name: `${options.name}-mm` },
    startMattermostE2e,
    userOf,
  );
  const { double } = e2e;
  const emailOfId = (id: string) => people.find((p) => p.id === id)?.email ?? id;
  const seen = (post: MattermostDoublePost): SeenPost => ({
    id: post.id,
    thread: post.root_id || undefined,
    text: asSlackMarkers(shownMm(post)),
    buttons: buttonsOfMm(post).map((b) => b.name),
  });
  const dmOf = (channel: string) => people.find((p) => double.dmWith(p.id) === channel);
  const publicChannels = new Set<string>(Object.values(MM_CHANNELS));
  const channelOf = (place: Place) =>
    typeof place === 'string' ? mmChannelId(place) : (double.dmWith(place.id) ?? '');
  const othersOf = (ids: unknown) => (ids as string[]).filter((id) => id !== double.bot.id).map(emailOfId);
  const chat: ClockedChat = clockedChat('mattermost', e2e, runner, clock, {
    async command(person, name, text) {
      const answer = await command(e2e, userOf(person), text, { command: name, responseId: person.id });
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/json');
      return {
        ephemeral: answer.json?.response_type === 'ephemeral',
        text: asSlackMarkers(shownMm(answer.json)),
      };
    },
    async click(person, place, label) {
      const channel = channelOf(place);
      const post = double
        .posts(channel)
        .filter((p) => buttonsOfMm(p).some((b) => b.name === label))
        .at(-1);
      const button = buttonsOfMm(post).find((b) => b.name === label);
      if (!post || !button) throw new Error(`no « ${label} » button in ${JSON.stringify(place)}`);
      const clicked = await clickAndRead(e2e, userOf(person), button, { channel, postId: post.id });
      expect(clicked.status).toBe(200);
      return { text: clicked.text, replaced: clicked.replaced };
    },
    channelPosts: (name) => double.posts(mmChannelId(name)).map(seen),
    dmPosts: () =>
      double.posts().flatMap((post) => {
        const to = dmOf(post.channel_id);
        return to ? [{ ...seen(post), to: to.email }] : [];
      }),
    dmOpened: () => double.callsTo('POST', '/channels/direct').flatMap((c) => othersOf(c.body).slice(0, 1)),
    groupsOpened: () => double.callsTo('POST', '/channels/group').map((c) => othersOf(c.body).sort()),
    groupPosts: () =>
      double
        .posts()
        .filter((p) => !publicChannels.has(p.channel_id) && !dmOf(p.channel_id))
        .map(seen),
    edits: () => double.callsTo('PUT', '/posts/{post_id}/patch').filter((c) => c.status === 200).length,
    files: () =>
      double.files().flatMap((f) => {
        const to = dmOf(f.channel_id);
        const post = double.posts(f.channel_id).find((p) => p.file_ids.includes(f.id));
        return to
          ? [{ to: to.email, text: asSlackMarkers(post?.message ?? ''), name: f.name, content: f.content }]
          : [];
      }),
    allPosts: () => double.posts().map(seen),
  });
  return chat;
}
