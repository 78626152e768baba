import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** The OpenAPI files of the Matrix spec we use (copied from matrix-org/matrix-spec `data/api/`). */
const FILES = [
  'client-server/account-data.yaml',
  'client-server/content-repo.yaml',
  'client-server/create_room.yaml',
  'client-server/joining.yaml',
  'client-server/message_pagination.yaml',
  'client-server/openid.yaml',
  'client-server/redaction.yaml',
  'client-server/room_send.yaml',
  'client-server/sync.yaml',
  'client-server/whoami.yaml',
  'identity/v2_auth.yaml',
  'identity/v2_lookup.yaml',
];

// Lenient on purpose: only the server's base path and each path's methods matter here.
const SpecSchema = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  servers: z.array(
    z.looseObject({ variables: z.looseObject({ basePath: z.looseObject({ default: z.string() }) }) }),
  ),
});

/** One operation of the spec: its method, its full path template, and a matcher for it. */
export interface MatrixOperation {
  method: string;
  template: string;
  pattern: RegExp;
}

let cache: Promise<MatrixOperation[]> | undefined;

/** Every operation of the files, under each file's base path (`/_matrix/client/v3`, `/_matrix/identity/v2`…). */
export function loadMatrixOperations(): Promise<MatrixOperation[]> {
  cache ??= Promise.all(
    FILES.map(async (file) => {
      const text = await readFile(new URL(`../fixtures/matrix/${file}`, import.meta.url), 'utf8');
      const spec = SpecSchema.parse(parse(text));
      const base = spec.servers[0]?.variables.basePath.default ?? '';
      return Object.entries(spec.paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'put', 'post', 'delete'].includes(method))
          .map((method) => ({
            method: method.toUpperCase(),
            template: `${base}${path}`,
            pattern: new RegExp(`^${`${base}${path}`.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          })),
      );
    }),
  ).then((all) => all.flat());
  return cache;
}

/** The operation a request is for: the most literal template wins (`/account/whoami` over `/account/{x}`). */
export function findMatrixOperation(operations: MatrixOperation[], method: string, path: string) {
  const params = (op: MatrixOperation) => (op.template.match(/\{/g) ?? []).length;
  const matching = operations.filter((op) => op.pattern.test(path)).sort((a, b) => params(a) - params(b));
  return { operation: matching.find((op) => op.method === method), pathKnown: matching.length > 0 };
}
