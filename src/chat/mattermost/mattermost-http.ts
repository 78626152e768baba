import type { IncomingMessage, ServerResponse } from 'node:http';

/** Mattermost's requests are small; anything bigger is not from it. */
const MAX_BODY_BYTES = 256 * 1024;

/** The whole request body as text, or undefined when it is too large. */
export async function readText(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON answer: Mattermost reads a body as JSON only with this content type, otherwise it shows it as text. */
export function replyJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The token of an `Authorization: Token …` header (how Mattermost sends a command's token). */
export function headerToken(req: IncomingMessage): string | undefined {
  return /^Token\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** The body parsed as JSON; undefined when it is not JSON (the schema that follows refuses it). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
