import { z } from 'zod';
import { DeliveryRefusedError } from '../../core/errors.js';
import type { Message } from '../../core/message.js';
import {
  type ChatSender,
  DELIVERY_TAG,
  type Directory,
  FIND_POSTED_WINDOW_MS,
  type IdentityCache,
} from '../../core/ports.js';
import { singleFlight } from '../../core/single-flight.js';
import { MattermostApiError, type MattermostClient } from './mattermost-client.js';
import { unreachableReason } from './mattermost-directory.js';
import { type ButtonOptions, type MattermostPost, renderMattermost } from './mattermost-render.js';

const IdSchema = z.looseObject({ id: z.string().min(1) });
const FilesSchema = z.looseObject({ file_infos: z.array(IdSchema).min(1) });
const TaggedSchema = z.object({ delivery: z.string(), part: z.number().int().nonnegative() });
const PostListSchema = z.looseObject({
  posts: z.record(
    z.string(),
    z.looseObject({ id: z.string(), props: z.record(z.string(), z.unknown()).optional() }),
  ),
});
/** Mattermost ids: 26 lower-case letters and digits. Anything else in a target is a channel name. */
const MATTERMOST_ID = /^[a-z0-9]{26}$/;

/** 400, 403 and 404 will not change on a retry: the outbox records them as the failure reason. */
async function refusedForGood<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof MattermostApiError && [400, 403, 404].includes(error.status)) {
      throw new DeliveryRefusedError(`mattermost_${error.status}${error.errorId ? `:${error.errorId}` : ''}`);
    }
    throw error;
  }
}

/** What the sender needs besides the client. */
export interface MattermostSenderDeps {
  client: MattermostClient;
  directory: Directory;
  cache: IdentityCache;
  /** The bot's own user id (`/users/me`), asked once. */
  botId: () => Promise<string>;
  /** The team's id, for channel names. */
  teamId: () => Promise<string>;
  buttons: ButtonOptions;
}

/** The sender plus what the inbound routes reuse: a DM with a user id, and posting rendered parts. */
export type MattermostSender = ChatSender & {
  dmWith(userId: string): Promise<string>;
  postParts(channelId: string, posts: MattermostPost[], rootId?: string): Promise<string>;
};

/**
 * The outbox's hands on Mattermost: DMs opened once and cached, channels by id or name, messages split to the
 * post limit, thread replies with `root_id`, files uploaded then attached, posts updated with `patch`.
 */
export function createMattermostSender(deps: MattermostSenderDeps): MattermostSender {
  const { client, cache } = deps;
  const opening = singleFlight<string>();
  const names = new Map<string, string>();

  async function dmWith(userId: string): Promise<string> {
    const user = { platform: 'mattermost' as const, id: userId };
    const cached = await cache.dmOf(user);
    if (cached) return cached;
    const channel = await refusedForGood(
      client.post('/channels/direct', [await deps.botId(), userId], IdSchema),
    );
    await cache.rememberDm(user, channel.id);
    return channel.id;
  }

  async function openDm(email: string): Promise<string> {
    const userId = await deps.directory.userIdOf(email);
    if (!userId) throw new DeliveryRefusedError(await unreachableReason(client, email));
    return dmWith(userId);
  }

  /** A group message with several people and the bot (Mattermost wants 3 to 8 members; the same set gives the same one). */
  async function openGroup(emails: readonly string[]): Promise<string> {
    const ids = await Promise.all(emails.map((email) => deps.directory.userIdOf(email)));
    const missingAt = ids.findIndex((id) => !id);
    if (missingAt >= 0)
      throw new DeliveryRefusedError(await unreachableReason(client, emails[missingAt] ?? ''));
    const members = [await deps.botId(), ...(ids as string[])];
    return (await refusedForGood(client.post('/channels/group', members, IdSchema))).id;
  }

  async function channelId(nameOrId: string): Promise<string> {
    if (MATTERMOST_ID.test(nameOrId)) return nameOrId;
    const known = names.get(nameOrId);
    if (known) return known;
    const team = await deps.teamId();
    // Mattermost channel names are lower-case; community.yml may write `#Defi-Lexiq` or `~defi-lexiq`.
    const name = encodeURIComponent(nameOrId.replace(/^[~#]/, '').toLowerCase());
    const found = await refusedForGood(client.get(`/teams/${team}/channels/name/${name}`, IdSchema));
    names.set(nameOrId, found.id);
    return found.id;
  }

  const create = (body: Record<string, unknown>) => refusedForGood(client.post('/posts', body, IdSchema));

  async function postParts(channel: string, posts: MattermostPost[], rootId?: string): Promise<string> {
    let first: string | undefined;
    for (const post of posts) {
      const sent = await create({ channel_id: channel, ...post, ...(rootId ? { root_id: rootId } : {}) });
      first ??= sent.id;
    }
    return first ?? '';
  }

  return {
    platform: 'mattermost',
    dmWith,
    postParts,
    async conversation(to) {
      if (to.kind === 'channel') return channelId(to.channel);
      if (to.kind === 'group') return openGroup(to.emails);
      return opening(to.email, () => openDm(to.email));
    },
    async post(channel, message, { file, threadId, posted, onPart, beforePart, tag } = {}) {
      const root = threadId ? { root_id: threadId } : {};
      let first: string | undefined;
      for (const [index, part] of renderMattermost(message, deps.buttons).entries()) {
        const earlier = posted?.get(index);
        if (earlier !== undefined) {
          first ??= earlier;
          continue;
        }
        await beforePart?.(index);
        const files =
          file && index === 0
            ? {
                file_ids: [
                  (await refusedForGood(client.upload(channel, file, FilesSchema))).file_infos[0]?.id,
                ],
              }
            : {};
        // The delivery's tag in the post's props, so a post left ambiguous by a crash can be found (findPosted).
        const props = tag ? { props: { ...part.props, [DELIVERY_TAG]: { delivery: tag, part: index } } } : {};
        const sent = await create({ channel_id: channel, ...part, ...props, ...root, ...files });
        first ??= sent.id;
        await onPart?.(index, sent.id);
      }
      return first ?? '';
    },
    async update(_channel, messageIds, message: Message) {
      const parts = renderMattermost(message, deps.buttons);
      // A message cannot grow new posts in place: they would land after everything posted since.
      if (parts.length > messageIds.length) throw new DeliveryRefusedError('edit_needs_more_parts');
      for (const [index, id] of messageIds.entries()) {
        const part = parts[index];
        const path = `/posts/${encodeURIComponent(id)}`;
        if (part)
          await refusedForGood(
            client.put(
              `${path}/patch`,
              { message: part.message, props: part.props ?? { attachments: [] } },
              IdSchema,
            ),
          );
        else await refusedForGood(client.delete(path, z.unknown()));
      }
      return parts.length;
    },
    async findPosted(channel, tag, around) {
      // Posts of the channel changed since a minute before the intent, newest first (GET /channels/{id}/posts).
      const since = around.getTime() - FIND_POSTED_WINDOW_MS;
      const list = await refusedForGood(
        client.get(`/channels/${channel}/posts?since=${since}`, PostListSchema),
      );
      const found = new Map<number, string>();
      for (const post of Object.values(list.posts)) {
        const tagged = TaggedSchema.safeParse(post.props?.[DELIVERY_TAG]);
        if (tagged.success && tagged.data.delivery === tag) found.set(tagged.data.part, post.id);
      }
      return found;
    },
  };
}
