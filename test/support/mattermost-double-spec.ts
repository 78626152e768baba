import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Mattermost's OpenAPI subset (test/fixtures/README.md) and the operations it lacks, copied from
 * the server's `api/v4/source/*.yaml` (provenance in each file), read once.
 */
const SPEC_URLS = ['mattermost_api_subset.yaml', 'roles_names.api_source.yaml'].map(
  (name) => new URL(`../fixtures/mattermost/${name}`, import.meta.url),
);

// Lenient on purpose: only paths, methods and the request bodies' `required` lists matter here.
interface BodySchema {
  type?: string;
  required?: string[];
  minItems?: number;
  properties?: Record<string, BodySchema>;
}
const BodySchemaSchema: z.ZodType<BodySchema> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    required: z.array(z.string()).optional(),
    minItems: z.number().optional(),
    properties: z.record(z.string(), BodySchemaSchema).optional(),
  }),
);
const SpecSchema = z.looseObject({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.looseObject({
        requestBody: z
          .looseObject({
            content: z.record(z.string(), z.looseObject({ schema: BodySchemaSchema.optional() })),
          })
          .optional(),
      }),
    ),
  ),
});

/** One operation of the spec: its method, a matcher for its path and its JSON body's schema. */
export interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  body: BodySchema | undefined;
}

let cache: Promise<Operation[]> | undefined;

/** Every operation of the subset. */
export function loadOperations(): Promise<Operation[]> {
  cache ??= Promise.all(SPEC_URLS.map((url) => readFile(url, 'utf8'))).then((texts) => {
    const paths = texts.flatMap((text) => Object.entries(SpecSchema.parse(parse(text)).paths));
    return paths.flatMap(([template, operations]) =>
      Object.entries(operations).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        // `{param}` matches one path segment; literal segments (`me`, `name`) are tried first by the caller.
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        body: op.requestBody?.content['application/json']?.schema,
      })),
    );
  });
  return cache;
}

/** The operation a request is for: the most literal template wins (`/users/email/{email}` over `/users/{id}`). */
export function findOperation(operations: Operation[], method: string, path: string): Operation | undefined {
  const params = (op: Operation) => (op.template.match(/\{/g) ?? []).length;
  return operations
    .filter((op) => op.method === method && op.pattern.test(path))
    .sort((a, b) => params(a) - params(b))[0];
}

/** The first problem of a JSON body against its schema (a missing required field, a short array), or undefined. */
export function bodyProblem(schema: BodySchema | undefined, body: unknown, at = 'body'): string | undefined {
  if (!schema) return undefined;
  if (schema.type === 'array') {
    if (!Array.isArray(body)) return `${at}: expected an array`;
    return body.length < (schema.minItems ?? 0) ? `${at}: expected ${schema.minItems} items` : undefined;
  }
  if (schema.type !== 'object' && !schema.required) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `${at}: expected an object`;
  const record = body as Record<string, unknown>;
  const missing = (schema.required ?? []).find((name) => record[name] === undefined);
  if (missing) return `${at}.${missing}: required`;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (record[name] === undefined || property.type !== 'object') continue;
    const problem = bodyProblem(property, record[name], `${at}.${name}`);
    if (problem) return problem;
  }
  return undefined;
}
