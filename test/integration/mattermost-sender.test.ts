import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMattermostClient } from '../../src/chat/mattermost/mattermost-client.js';
import { createMattermostDirectory } from '../../src/chat/mattermost/mattermost-directory.js';
import { createMattermostSender } from '../../src/chat/mattermost/mattermost-sender.js';
import { createSigner } from '../../src/chat/mattermost/mattermost-sign.js';
import { textMessage } from '../../src/core/message.js';
import { createIdentityRepo } from '../../src/store/identity.repo.js';
import { createKeys } from '../../src/store/keys.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../support/cohorte.js';
import { type MattermostDouble, startMattermostDouble } from '../support/mattermost-double.js';

const CHANNEL = 'townsquareid00000000000000';

/** The sender the outbox uses on Mattermost, against the REST double (checked against the API subset). */
describe('the Mattermost sender: group messages, edits in parts, finding a post left ambiguous by a crash', () => {
  let double: MattermostDouble;
  let redis: Redis;
  const prefix = uniquePrefix('mm-sender');
  let sender: ReturnType<typeof createMattermostSender>;

  beforeAll(async () => {
    double = await startMattermostDouble({
      users: [
        { id: 'ines00000000000000000000000', username: 'ines', email: 'ines.moreau@beta.gouv.fr' },
        { id: 'hugo00000000000000000000000', username: 'hugo', email: 'hugo.petit@beta.gouv.fr' },
        { id: 'parti0000000000000000000000', username: 'parti', email: 'parti@beta.gouv.fr', deleted: true },
      ],
      channels: { [CHANNEL]: 'town-square' },
    });
    redis = new Redis(REDIS_URL);
    const client = createMattermostClient({ url: double.url, token: double.token, requestsPerSecond: 1000 });
    const cache = createIdentityRepo(redis, createKeys(prefix));
    sender = createMattermostSender({
      client,
      directory: createMattermostDirectory(client, cache),
      cache,
      botId: async () => double.bot.id,
      teamId: async () => double.teamId,
      buttons: { actionUrl: 'http://127.0.0.1/mattermost/action', signer: createSigner(double.token) },
    });
  });
  afterAll(async () => {
    await double.close();
    redis.disconnect();
    await dropPrefix(prefix);
  });

  it('opens one group message with both people and the bot, whatever the order they are named in', async () => {
    const first = await sender.conversation({
      kind: 'group',
      emails: ['ines.moreau@beta.gouv.fr', 'hugo.petit@beta.gouv.fr'],
    });
    const again = await sender.conversation({
      kind: 'group',
      emails: ['hugo.petit@beta.gouv.fr', 'ines.moreau@beta.gouv.fr'],
    });
    expect(again).toBe(first);
    const [call] = double.callsTo('POST', '/channels/group');
    expect([...((call?.body ?? []) as string[])].sort()).toEqual(
      [double.bot.id, 'hugo00000000000000000000000', 'ines00000000000000000000000'].sort(),
    );
    await expect(
      sender.conversation({ kind: 'group', emails: ['ines.moreau@beta.gouv.fr', 'nobody@beta.gouv.fr'] }),
    ).rejects.toMatchObject({ reason: 'user_not_found' });
  });

  it('tells a deactivated account from nobody, for the delivery report', async () => {
    await expect(sender.conversation({ kind: 'person', email: 'parti@beta.gouv.fr' })).rejects.toMatchObject({
      reason: 'user_disabled',
    });
    await expect(sender.conversation({ kind: 'person', email: 'nobody@beta.gouv.fr' })).rejects.toMatchObject(
      {
        reason: 'user_not_found',
      },
    );
    await expect(
      sender.conversation({ kind: 'group', emails: ['ines.moreau@beta.gouv.fr', 'parti@beta.gouv.fr'] }),
    ).rejects.toMatchObject({ reason: 'user_disabled' });
  });

  it('finds a tagged post by its delivery tag, and only that one', async () => {
    const before = new Date();
    const id = await sender.post(CHANNEL, textMessage([{ kind: 'plain', text: 'Appel à projets' }]), {
      tag: 'announce:42:ines',
    });
    await sender.post(CHANNEL, textMessage([{ kind: 'plain', text: 'Autre chose' }]), {
      tag: 'announce:42:hugo',
    });
    expect(await sender.findPosted(CHANNEL, 'announce:42:ines', before)).toEqual(new Map([[0, id]]));
    expect(await sender.findPosted(CHANNEL, 'announce:43:ines', before)).toEqual(new Map());
  });

  it('edits a message part by part, deletes the parts it no longer needs, and refuses to grow', async () => {
    const long = textMessage([{ kind: 'plain', text: `${'a'.repeat(10_000)}\n${'b'.repeat(10_000)}` }]);
    const ids: string[] = [];
    await sender.post(CHANNEL, long, { onPart: async (_, id) => ids.push(id) });
    expect(ids).toHaveLength(2);
    expect(await sender.update(CHANNEL, ids, textMessage([{ kind: 'plain', text: 'Corrigé' }]))).toBe(1);
    const kept = double.posts(CHANNEL).filter((p) => ids.includes(p.id));
    expect(kept.map((p) => p.message)).toEqual(['Corrigé']);
    await expect(sender.update(CHANNEL, [ids[0] ?? ''], long)).rejects.toMatchObject({
      reason: 'edit_needs_more_parts',
    });
    expect(double.offSpec).toEqual([]);
  });
});
