import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DeliveryRefusedError } from '../../core/errors.js';
import type { ChatState, IdentityCache } from '../../core/ports.js';
import { singleFlight } from '../../core/single-flight.js';
import { MatrixApiError, type MatrixClient } from './matrix-client.js';
import { DirectSchema, RoomIdSchema } from './matrix-schemas.js';

const enc = encodeURIComponent;
/** Group rooms are remembered as long as DMs are cached elsewhere: a week, then looked up again. */
const GROUP_TTL_MS = 7 * 24 * 3600_000;

/** 403 and 404 will not change on a retry: the outbox records them as the failure reason. */
export async function refusedForGood<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof MatrixApiError && [400, 403, 404].includes(error.status))
      throw new DeliveryRefusedError(`matrix_${error.status}:${error.errcode}`);
    throw error;
  }
}

/** The bot's rooms: DMs found in or added to `m.direct`, rooms joined by alias, group rooms. */
export interface MatrixRooms {
  /** The DM room with `userId`: cached, else found in `m.direct`, else created (`is_direct`) and recorded. */
  dmWith(userId: string): Promise<string>;
  /** Whether `roomId` is the bot's DM with `userId`. */
  isDmWith(roomId: string, userId: string): Promise<boolean>;
  /** A room by id (`!…`) or alias (`#…:server`); an alias is joined, which is a no-op when already in. */
  roomOf(idOrAlias: string): Promise<string>;
  /** A private room of the bot with these people, created once per set. */
  groupWith(userIds: readonly string[]): Promise<string>;
  /** Records a DM someone opened with the bot (an invite marked `is_direct`). */
  recordDm(userId: string, roomId: string): Promise<void>;
  /** The `m.direct` content seen in `/sync`, which replaces what was known. */
  directChanged(content: unknown): void;
}

/**
 * Rooms over the Client-Server API: `POST /createRoom` with `is_direct` and `trusted_private_chat` for a DM, then
 * `PUT /user/{bot}/account_data/m.direct` so every client of the bot's account shows it as a DM; `POST /join/{alias}`
 * for the community's rooms.
 */
export function createMatrixRooms(deps: {
  client: MatrixClient;
  botId: string;
  cache: IdentityCache;
  state: ChatState;
}): MatrixRooms {
  const { client, botId, cache } = deps;
  const directPath = `/user/${enc(botId)}/account_data/m.direct`;
  let direct: Promise<Record<string, string[]>> | undefined;
  const aliases = new Map<string, string>();
  const opening = singleFlight<string>();

  function directRooms(): Promise<Record<string, string[]>> {
    direct ??= client.call({ method: 'GET', path: directPath }, DirectSchema).catch((error: unknown) => {
      direct = undefined;
      // A new account has no m.direct yet (M_NOT_FOUND).
      if (error instanceof MatrixApiError && error.status === 404) return {};
      throw error;
    });
    return direct;
  }

  async function recordDm(userId: string, roomId: string): Promise<void> {
    const rooms = await directRooms();
    if (!rooms[userId]?.includes(roomId)) {
      const next = { ...rooms, [userId]: [roomId, ...(rooms[userId] ?? [])] };
      await client.call({ method: 'PUT', path: directPath, body: next }, z.unknown());
      direct = Promise.resolve(next);
    }
    await cache.rememberDm({ platform: 'matrix', id: userId }, roomId);
  }

  async function openDm(userId: string): Promise<string> {
    const user = { platform: 'matrix' as const, id: userId };
    const cached = await cache.dmOf(user);
    if (cached) return cached;
    const known = (await directRooms())[userId]?.[0];
    if (known) {
      await cache.rememberDm(user, known);
      return known;
    }
    const created = await refusedForGood(
      client.call(
        {
          method: 'POST',
          path: '/createRoom',
          body: { preset: 'trusted_private_chat', is_direct: true, invite: [userId] },
        },
        RoomIdSchema,
      ),
    );
    await recordDm(userId, created.room_id);
    return created.room_id;
  }

  return {
    dmWith: (userId) => opening(userId, () => openDm(userId)),
    async isDmWith(roomId, userId) {
      if ((await cache.dmOf({ platform: 'matrix', id: userId })) === roomId) return true;
      return (await directRooms())[userId]?.includes(roomId) ?? false;
    },
    async roomOf(idOrAlias) {
      if (idOrAlias.startsWith('!')) return idOrAlias;
      const known = aliases.get(idOrAlias);
      if (known) return known;
      const joined = await refusedForGood(
        client.call({ method: 'POST', path: `/join/${enc(idOrAlias)}`, body: {} }, RoomIdSchema),
      );
      aliases.set(idOrAlias, joined.room_id);
      return joined.room_id;
    },
    async groupWith(userIds) {
      const members = [...userIds].sort();
      const name = `matrix:group:${createHash('sha256').update(members.join('\n')).digest('hex').slice(0, 32)}`;
      const known = await deps.state.get(name);
      if (known) return known;
      const created = await refusedForGood(
        client.call(
          { method: 'POST', path: '/createRoom', body: { preset: 'trusted_private_chat', invite: members } },
          RoomIdSchema,
        ),
      );
      await deps.state.set(name, created.room_id, GROUP_TTL_MS);
      return created.room_id;
    },
    recordDm,
    directChanged(content) {
      const parsed = DirectSchema.safeParse(content);
      if (parsed.success) direct = Promise.resolve(parsed.data);
    },
  };
}
