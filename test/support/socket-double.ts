import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const [TEXT, CLOSE, PING, PONG] = [0x1, 0x8, 0x9, 0xa] as const;

/** What the client sent back for an envelope: `{ envelope_id, payload? }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** A running Socket Mode double: Slack's side of the WebSocket, on 127.0.0.1. */
export interface SocketDouble {
  /** The `ws://` URL for `apps.connections.open` to hand out. */
  readonly url: string;
  /** Every text message the client sent, parsed, oldest first. */
  readonly received: unknown[];
  /** Close codes the client sent, oldest first. */
  readonly closeCodes: number[];
  /** Pings the client sent (each answered with a pong). */
  readonly pings: number;
  /** Connections upgraded so far; each got `hello` at once. */
  readonly connections: number;
  /** Connections whose TCP socket is still open. */
  readonly open: number;
  /** Sends an envelope (`type`, `payload`, a fresh `envelope_id`); resolves with its ack, rejects after `timeoutMs`. */
  request(type: string, payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  /** Closes the server, dropping any connection left. */
  close(): Promise<void>;
}

/** One frame: FIN set, never masked (server to client, RFC 6455 §5.1), 7-, 16- or 64-bit payload length. */
function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const size = n < 126 ? 0 : n < 0x10000 ? 2 : 8;
  const head = Buffer.alloc(2 + size);
  head[0] = 0x80 | opcode;
  head[1] = size === 0 ? n : size === 2 ? 126 : 127;
  if (size === 2) head.writeUInt16BE(n, 2);
  if (size === 8) head.writeBigUInt64BE(BigInt(n), 2);
  return Buffer.concat([head, payload]);
}

type Frame = { fin: boolean; opcode: number; data: Buffer };

/** Splits `buffer` into the complete frames at its start, unmasked (client frames are masked), and the rest. */
function parseFrames(buffer: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    const b0 = buffer[at] ?? 0;
    const b1 = buffer[at + 1] ?? 0;
    const short = b1 & 0x7f;
    const size = short === 126 ? 2 : short === 127 ? 8 : 0;
    const masked = (b1 & 0x80) !== 0;
    const start = at + 2 + size + (masked ? 4 : 0);
    if (buffer.length < start) break;
    const length =
      size === 2 ? buffer.readUInt16BE(at + 2) : size === 8 ? Number(buffer.readBigUInt64BE(at + 2)) : short;
    if (buffer.length < start + length) break;
    const data = Buffer.from(buffer.subarray(start, start + length));
    const mask = buffer.subarray(start - 4, start);
    if (masked) for (let i = 0; i < data.length; i += 1) data[i] = (data[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, data });
    at = start + length;
  }
  return { frames, rest: buffer.subarray(at) };
}

/**
 * Starts Slack's side of Socket Mode on 127.0.0.1: a minimal RFC 6455 server over `node:http` upgrade. Each
 * connection gets `hello` at once (the client's `start()` waits for it); pings get pongs, a close frame gets a close
 * frame back and the TCP end; text messages are recorded, and those with an `envelope_id` settle {@link
 * SocketDouble.request}. Plain HTTP requests answer 404.
 */
export async function startSocketDouble(): Promise<SocketDouble> {
  const sockets = new Set<Socket>();
  const received: unknown[] = [];
  const closeCodes: number[] = [];
  const waiting = new Map<string, (ack: SocketAck) => void>();
  let pings = 0;
  let connections = 0;

  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket: Socket, head: Buffer) => {
    const key = req.headers['sec-websocket-key'];
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string')
      return socket.destroy();
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    connections += 1;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const hello = { type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } };
    socket.write(frame(TEXT, Buffer.from(JSON.stringify(hello))));
    let pending: Buffer = Buffer.alloc(0);
    let text: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { fin, opcode, data } of frames) {
        if (socket.writableEnded) return; // Closed: whatever follows is ignored.
        if (opcode === PING) {
          pings += 1;
          socket.write(frame(PONG, data));
        } else if (opcode === CLOSE) {
          closeCodes.push(data.length >= 2 ? data.readUInt16BE(0) : 1005);
          socket.end(frame(CLOSE, data.subarray(0, 2)));
        } else if (opcode === TEXT || opcode === 0) {
          text.push(data);
          if (!fin) continue;
          const message: unknown = JSON.parse(Buffer.concat(text).toString('utf8'));
          text = [];
          received.push(message);
          const id = (message as Partial<SocketAck>).envelope_id;
          if (id !== undefined) waiting.get(id)?.(message as SocketAck);
        }
      }
    };
    socket.on('data', onData);
    if (head.length > 0) onData(head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=A0001`,
    received,
    closeCodes,
    get pings() {
      return pings;
    },
    get connections() {
      return connections;
    },
    get open() {
      return sockets.size;
    },
    request: (type, payload, timeoutMs = 3000) => {
      const envelope_id = randomUUID();
      const socket = [...sockets].at(-1); // The newest connection, as after a reconnection.
      if (!socket) return Promise.reject(new Error('socket double: no client connected'));
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(envelope_id);
          reject(new Error(`socket double: no ack for ${type} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(envelope_id, (ack) => {
          clearTimeout(timer);
          waiting.delete(envelope_id);
          resolve(ack);
        });
        const envelope = { envelope_id, type, payload, accepts_response_payload: type !== 'events_api' };
        socket.write(frame(TEXT, Buffer.from(JSON.stringify(envelope))));
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
