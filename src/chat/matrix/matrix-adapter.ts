import type { ChatAdapter, ChatCapabilities } from '../../core/chat-adapter.js';
import type { Clock } from '../../core/clock.js';
import { SettingError } from '../../core/errors.js';
import type { CommandHandler } from '../../core/handler.js';
import { type Locale, translator } from '../../core/i18n/index.js';
import type { Pacer } from '../../core/pacer.js';
import type { ChatState, IdentityCache, Logger } from '../../core/ports.js';
import type { PersonEntry } from '../../core/roster/types.js';
import { createMatrixChoices } from './matrix-choices.js';
import { createMatrixClient, MatrixApiError, waitingOutLimit } from './matrix-client.js';
import { createConversations } from './matrix-conversation.js';
import { createMatrixDirectory } from './matrix-directory.js';
import { createMatrixInbound } from './matrix-inbound.js';
import type { RenderOptions } from './matrix-render.js';
import { createMatrixRooms } from './matrix-rooms.js';
import { RoomIdSchema, WhoamiSchema } from './matrix-schemas.js';
import { createMatrixSender } from './matrix-sender.js';
import { createMatrixShown } from './matrix-shown.js';
import { startSync } from './matrix-sync.js';

/** What the Matrix adapter needs from the configuration. */
export interface MatrixOptions {
  homeserverUrl: string;
  accessToken: string;
  userId: string;
  identityServerUrl?: string | undefined;
  requestsPerSecond: number;
  locale: Locale;
}

/** What it needs besides: the caches, state and pacing in Redis, the community's people, the commands, a clock. */
export interface MatrixDeps {
  cache: IdentityCache;
  state: ChatState;
  /** The bot account's calls to the homeserver, paced at `requestsPerSecond` across every process. */
  pacer: Pacer;
  people: readonly PersonEntry[];
  /** The community file's channels, as written: each must be a room id or a full alias. */
  channels: readonly string[];
  commands: readonly CommandHandler[];
  clock: Clock;
  log: Logger;
}

/** A room id (`!opaque:server`) or a full alias (`#name:server`), the only forms a homeserver resolves. */
const ROOM_ID_OR_ALIAS = /^[!#][^:\s]+:\S+$/;

/**
 * Matrix has no buttons and no forms (numbered choices and a DM conversation stand in), no ephemeral messages
 * (personal answers go by DM), but edits (`m.replace`) and threads.
 */
const MATRIX_CAPABILITIES: ChatCapabilities = {
  buttons: false,
  forms: false,
  ephemeral: false,
  messageUpdates: true,
  threads: true,
  drivesTime: false,
};

/**
 * The Matrix (Tchap) adapter: an ordinary account driven through the Client-Server API with its access token (no
 * SDK: `fetch` and zod). It receives by `/sync` long polling (no HTTP route), one process at a time, and sends
 * through the outbox with idempotent transaction ids; every call of the account, from any process, is paced at
 * `requestsPerSecond` by `deps.pacer`.
 */
export function createMatrixAdapter(options: MatrixOptions, deps: MatrixDeps): ChatAdapter<never> {
  const client = createMatrixClient({
    url: options.homeserverUrl,
    accessToken: options.accessToken,
    pacer: deps.pacer,
  });
  const botId = options.userId;
  const render: RenderOptions = {
    commands: new Set(deps.commands.map((c) => c.command)),
    locale: options.locale,
  };
  const directory = createMatrixDirectory({
    client,
    botId,
    cache: deps.cache,
    people: deps.people,
    identityServerUrl: options.identityServerUrl,
    requestsPerSecond: options.requestsPerSecond,
  });
  const rooms = createMatrixRooms({ client, botId, cache: deps.cache, state: deps.state });
  const choices = createMatrixChoices(deps.state, deps.clock);
  const shown = createMatrixShown(deps.state, deps.clock);
  const sender = createMatrixSender({ client, rooms, directory, choices, shown, render });
  let sync: ReturnType<typeof startSync> | undefined;

  return {
    capabilities: MATRIX_CAPABILITIES,
    directory,
    sender,
    routes: {},
    /** Checks the token and that it is the configured account (`whoami`); given `receive`, starts syncing. */
    async start(receive) {
      const me = await waitingOutLimit(() =>
        client.call({ method: 'GET', path: '/account/whoami' }, WhoamiSchema),
      ).catch((error: unknown) => {
        if (!(error instanceof MatrixApiError) || error.status !== 401) throw error;
        throw new SettingError(
          `MATRIX_ACCESS_TOKEN: ${options.homeserverUrl} ne reconnaît pas ce jeton (401 ${error.errcode} : jeton révoqué, expiré ou d’un autre serveur) : connectez de nouveau ${botId} à travers Pantalaimon et copiez son access_token dans MATRIX_ACCESS_TOKEN (section Tchap du mode d’emploi), ou vérifiez MATRIX_HOMESERVER_URL`,
        );
      });
      if (me.user_id !== botId)
        throw new SettingError(
          `MATRIX_USER_ID: ${botId} indiqué, mais MATRIX_ACCESS_TOKEN est le jeton de ${me.user_id} : indiquez MATRIX_USER_ID=${me.user_id}, ou le jeton d’accès du compte ${botId}`,
        );
      deps.log.info({ bot: botId }, 'matrix bot identity');
      // The homeserver joins only `!id:server` and `#alias:server`: anything else can never be posted to.
      const unusable = deps.channels.filter((channel) => !ROOM_ID_OR_ALIAS.test(channel));
      const [first] = unusable;
      if (first !== undefined) {
        // The bot's own server makes the example: the community's rooms are most often on it.
        const server = botId.slice(botId.indexOf(':') + 1);
        const example = `#${first.replace(/^[#!]/, '').split(':')[0] || 'salon'}:${server}`;
        deps.log.warn(
          { channels: unusable },
          'canaux de community.yml que le serveur Matrix refusera, le bot ne pourra pas y écrire : écrivez chacun ' +
            `en alias complet, avec son serveur (par exemple ${example}), ou en identifiant de salon (!id:${server})`,
        );
      }
      if (!receive) return;
      const inbound = createMatrixInbound({
        router: receive.router,
        sender,
        rooms,
        directory,
        choices,
        conversations: createConversations({
          state: deps.state,
          clock: deps.clock,
          router: receive.router,
          locale: options.locale,
        }),
        state: deps.state,
        render,
        capabilities: MATRIX_CAPABILITIES,
        t: translator(options.locale),
        log: deps.log,
      });
      sync = startSync({
        client,
        state: deps.state,
        botId,
        log: deps.log,
        handlers: {
          event: inbound.handle,
          async invite(roomId, inviter, direct) {
            await client.call(
              { method: 'POST', path: `/rooms/${encodeURIComponent(roomId)}/join`, body: {} },
              RoomIdSchema,
            );
            if (direct && inviter) await rooms.recordDm(inviter, roomId);
          },
          accountData(type, content) {
            if (type === 'm.direct') rooms.directChanged(content);
          },
        },
      });
    },
    async stop() {
      await sync?.stop();
      sync = undefined;
    },
    ended: () => undefined,
  };
}
