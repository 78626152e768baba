import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { REDIS_URL } from './cohorte.js';

/**
 * A TCP relay between Cohorte and the real Redis, which sees what crosses the network: how many times its clients
 * had to wait for Redis (round trips), and a switch that cuts them off at a chosen moment, as a crash would.
 */
export interface RedisProxy {
  /** The `redis://` URL to give Cohorte instead of Redis's own. */
  readonly url: string;
  /**
   * Round trips so far, over every connection: each time a client speaks after Redis answered it (or first). A client
   * that waits for each answer makes one per command; a pipeline of many commands, one (or a few when it is large
   * enough to be answered while it is still being sent).
   */
  roundTrips(): number;
  /**
   * From now on, holds forever the `occurrence`-th chunk a client sends that contains `marker`, and everything after
   * it from every client: Redis never sees it, as if the process had died just before (kill it next). Resolves
   * once that happened.
   */
  holdAt(marker: string, occurrence?: number): Promise<void>;
  /** Forgets the pending {@link holdAt} (traffic already held stays held). */
  disarm(): void;
  /** Whether traffic is held (see {@link holdAt}). */
  holding(): boolean;
  close(): Promise<void>;
}

/** Starts a relay to `target` (the tests' Redis by default) on a free local port. */
export async function startRedisProxy(target = REDIS_URL): Promise<RedisProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let trips = 0;
  let held = false;
  let hold: { marker: string; left: number; reached: () => void } | undefined;
  const server = createServer((client) => {
    const upstream = connect(Number(port || 6379), hostname);
    sockets.add(client).add(upstream);
    let answered = true;
    // The end of the previous chunk, so that a marker cut in two by the network is seen all the same.
    let tail = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      const seen = Buffer.concat([tail, chunk]);
      const marker = hold?.marker ?? '';
      tail = seen.subarray(Math.max(0, seen.length - marker.length + 1));
      if (hold && !held && seen.includes(marker) && --hold.left === 0) {
        held = true;
        hold.reached();
      }
      if (held) return;
      if (answered) trips += 1;
      answered = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      answered = true;
      if (!held) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) socket.on('close', end).on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${address.port}`,
    roundTrips: () => trips,
    holdAt(marker, occurrence = 1) {
      return new Promise((reached) => {
        hold = { marker, left: occurrence, reached };
      });
    },
    disarm() {
      hold = undefined;
    },
    holding: () => held,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
