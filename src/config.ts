import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { type HostPort, type RedisTarget, sentinelTarget } from './store/redis.js';

/**
 * Names of the environment variables that hold secrets. The logger redacts them, and no configuration error ever
 * repeats their value (nor any other value: see {@link ConfigError}).
 */
export const SECRET_KEYS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MATTERMOST_BOT_TOKEN',
  'MATTERMOST_COMMAND_TOKENS',
  'MATRIX_ACCESS_TOKEN',
  'CALENDAR_TOKEN',
  'WEB_SESSION_SECRET',
  'REDIS_PASSWORD',
  'REDIS_SENTINEL_PASSWORD',
] as const;

/** The Slack variables: setting any of them switches the bot from the local shell to Slack. */
const SLACK_KEYS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;

/** The Mattermost variables: setting any of them switches the bot to Mattermost. */
const MATTERMOST_KEYS = [
  'MATTERMOST_URL',
  'MATTERMOST_BOT_TOKEN',
  'MATTERMOST_TEAM',
  'MATTERMOST_COMMAND_TOKENS',
] as const;

/** The Matrix (Tchap) variables: setting any of them switches the bot to Matrix. */
const MATRIX_KEYS = [
  'MATRIX_HOMESERVER_URL',
  'MATRIX_ACCESS_TOKEN',
  'MATRIX_USER_ID',
  'MATRIX_IDENTITY_SERVER_URL',
] as const;

/** A Matrix user id: `@localpart:server`. */
const MATRIX_USER = /^@[^:\s]+:[^\s]+$/;

/** A Mattermost slash-command trigger: lower-case letters, digits, `-` and `_` (no slash). */
const TRIGGER = /^[a-z0-9_-]+$/;

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ROLES = ['all', 'web', 'worker'] as const;

// Every message is fixed text: zod's defaults can quote the input, and the input may be a token.
const EXPECTED = {
  REDIS_URL: 'adresse Redis attendue, redis://hôte:port ou rediss://… (par défaut redis://127.0.0.1:6379)',
  REDIS_PREFIX: 'lettres sans accent (A-Z, a-z), chiffres, « - » et « _ » seulement (par défaut cohorte)',
  REDIS_SENTINELS:
    'adresses hôte:port séparées par des virgules attendues, par exemple sentinelle-1:26379,sentinelle-2:26379',
  REDIS_SENTINEL_NAME:
    'nom du primaire que surveillent les sentinelles attendu (lettres, chiffres, « . », « - », « _ »)',
  REDIS_CLUSTER_NODES:
    'adresses hôte:port de nœuds du cluster séparées par des virgules attendues, par exemple redis-1:6379,redis-2:6379',
  REDIS_PASSWORD: 'mot de passe attendu',
  REDIS_SENTINEL_PASSWORD: 'mot de passe attendu',
  PORT: 'nombre entier de 1 à 65535 attendu (par défaut 3000)',
  PUBLIC_URL: 'adresse http:// ou https:// attendue, par exemple https://cohorte.exemple.fr',
  LOG_LEVEL: `un niveau parmi ${LOG_LEVELS.join(', ')} attendu (par défaut info, warn dans le shell)`,
  COMMUNITY_FILE: 'chemin de fichier attendu, par exemple config/community.yml',
  SLACK_BOT_TOKEN: 'jeton de bot commençant par « xoxb- » attendu (page OAuth & Permissions de l’app Slack)',
  SLACK_SIGNING_SECRET:
    'secret de signature d’au moins 16 caractères attendu (page Basic Information de l’app Slack)',
  SLACK_APP_TOKEN:
    'jeton d’application commençant par « xapp- » attendu (page Basic Information de l’app Slack, pour le Socket Mode)',
  SLACK_API_URL: 'adresse http:// ou https:// attendue (par défaut https://slack.com/api/)',
  MATTERMOST_URL:
    'adresse http:// ou https:// du serveur attendue, par exemple https://mattermost.exemple.fr',
  MATTERMOST_BOT_TOKEN:
    'jeton d’accès du bot attendu (au moins 16 lettres et chiffres, page Comptes de bot de Mattermost)',
  MATTERMOST_TEAM: 'nom d’équipe attendu, celui de son adresse (minuscules, chiffres, « - », « _ »)',
  MATTERMOST_COMMAND_TOKENS:
    'paires déclencheur:jeton séparées par des virgules attendues, par exemple cohorte:abc123,standup:def456',
  MATTERMOST_REQUESTS_PER_SECOND: 'nombre entier de requêtes par seconde de 1 à 1000 attendu (par défaut 8)',
  MATRIX_HOMESERVER_URL:
    'adresse http:// ou https:// attendue (le serveur d’accueil, ou Pantalaimon devant lui), par exemple https://matrix.agent.tchap.gouv.fr',
  MATRIX_ACCESS_TOKEN: 'jeton d’accès attendu (au moins 8 caractères, sans espace)',
  MATRIX_USER_ID: 'identifiant Matrix attendu, par exemple @cohorte-beta.gouv.fr:agent.tchap.gouv.fr',
  MATRIX_IDENTITY_SERVER_URL: 'adresse http:// ou https:// du serveur d’identité attendue',
  MATRIX_REQUESTS_PER_SECOND: 'nombre de requêtes par seconde de 0.1 à 100 attendu (par défaut 1)',
  ROLE: `un rôle parmi ${ROLES.join(', ')} attendu (par défaut all)`,
  OUTBOX_CHANNEL_INTERVAL_MS: 'nombre entier de millisecondes de 0 à 3600000 attendu (par défaut 1000)',
  OUTBOX_WORKSPACE_PER_SECOND:
    'nombre entier de messages par seconde de 1 à 1000 attendu (par défaut 8, 1 sur Matrix)',
  OUTBOX_UPDATES_PER_MINUTE: 'nombre entier de modifications par minute de 1 à 60000 attendu (par défaut 50)',
  WORKER_LOCK_MS: 'nombre entier de millisecondes de 500 à 600000 attendu (par défaut 10000)',
  OUTBOX_IN_FLIGHT_MS: 'nombre entier de millisecondes de 100 à 600000 attendu (par défaut 12000)',
  SHUTDOWN_TIMEOUT_MS: 'nombre entier de millisecondes de 1 à 3600000 attendu (par défaut 10000)',
  CALENDAR_TOKEN:
    'au moins 16 lettres, chiffres, « - » ou « _ » attendus, par exemple tirés par openssl rand -hex 16',
  WEB_SESSION_SECRET: 'secret d’au moins 32 caractères attendu, par exemple tiré par openssl rand -base64 32',
} as const;

function text(expected: string) {
  return z.string({ error: expected });
}

function url(expected: string, protocols: readonly string[]) {
  return text(expected).refine(
    (value) => URL.canParse(value) && protocols.includes(new URL(value).protocol),
    { error: expected },
  );
}

function wholeNumber(expected: string, min: number, max: number) {
  return text(expected)
    .refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      error: expected,
    })
    .transform(Number);
}

function prefixed(expected: string, prefix: string) {
  return text(expected).refine((value) => value.startsWith(prefix) && value.length > prefix.length, {
    error: expected,
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(expected: string, values: T) {
  return z.enum(values, { error: expected });
}

/** `cohorte:abc,standup:def` → { cohorte: 'abc', standup: 'def' }; undefined when malformed. */
function parseCommandTokens(value: string): Record<string, string> | undefined {
  const pairs = value.split(',').map((pair) => pair.trim().split(':'));
  const valid = pairs.every(
    (pair) => pair.length === 2 && TRIGGER.test(pair[0] ?? '') && /^[A-Za-z0-9]+$/.test(pair[1] ?? ''),
  );
  return valid ? Object.fromEntries(pairs) : undefined;
}

/** `a:26379,b:26379` → [{ host: 'a', port: 26379 }, …]; undefined when malformed. */
function parseHostPorts(value: string): HostPort[] | undefined {
  const list = value.split(',').map((item) => {
    const at = item.trim().lastIndexOf(':');
    const host = item.trim().slice(0, at);
    const port = Number(item.trim().slice(at + 1));
    return at > 0 && /^[A-Za-z0-9.-]+$/.test(host) && Number.isInteger(port) && port >= 1 && port <= 65535
      ? { host, port }
      : undefined;
  });
  return list.every((item) => item !== undefined) ? list : undefined;
}

function hostPorts(expected: string) {
  return text(expected)
    .refine((value) => parseHostPorts(value) !== undefined, { error: expected })
    .transform((value) => parseHostPorts(value) ?? []);
}

const EnvSchema = z.object(
  {
    REDIS_URL: url(EXPECTED.REDIS_URL, ['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: text(EXPECTED.REDIS_PREFIX)
      .regex(/^[A-Za-z0-9_-]+$/, { error: EXPECTED.REDIS_PREFIX })
      .default('cohorte'),
    REDIS_SENTINELS: hostPorts(EXPECTED.REDIS_SENTINELS).optional(),
    REDIS_SENTINEL_NAME: text(EXPECTED.REDIS_SENTINEL_NAME)
      .regex(/^[A-Za-z0-9._-]+$/, { error: EXPECTED.REDIS_SENTINEL_NAME })
      .optional(),
    REDIS_CLUSTER_NODES: hostPorts(EXPECTED.REDIS_CLUSTER_NODES).optional(),
    REDIS_PASSWORD: text(EXPECTED.REDIS_PASSWORD).optional(),
    REDIS_SENTINEL_PASSWORD: text(EXPECTED.REDIS_SENTINEL_PASSWORD).optional(),
    PORT: wholeNumber(EXPECTED.PORT, 1, 65535).default(3000),
    PUBLIC_URL: url(EXPECTED.PUBLIC_URL, ['http:', 'https:'])
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    CALENDAR_TOKEN: text(EXPECTED.CALENDAR_TOKEN)
      .regex(/^[A-Za-z0-9_-]{16,}$/, { error: EXPECTED.CALENDAR_TOKEN })
      .optional(),
    WEB_SESSION_SECRET: text(EXPECTED.WEB_SESSION_SECRET)
      .min(32, { error: EXPECTED.WEB_SESSION_SECRET })
      .optional(),
    LOG_LEVEL: oneOf(EXPECTED.LOG_LEVEL, LOG_LEVELS).optional(),
    COMMUNITY_FILE: text(EXPECTED.COMMUNITY_FILE).optional(),
    SLACK_BOT_TOKEN: prefixed(EXPECTED.SLACK_BOT_TOKEN, 'xoxb-').optional(),
    SLACK_SIGNING_SECRET: text(EXPECTED.SLACK_SIGNING_SECRET)
      .min(16, { error: EXPECTED.SLACK_SIGNING_SECRET })
      .optional(),
    SLACK_APP_TOKEN: prefixed(EXPECTED.SLACK_APP_TOKEN, 'xapp-').optional(),
    SLACK_API_URL: url(EXPECTED.SLACK_API_URL, ['http:', 'https:'])
      .transform((value) => (value.endsWith('/') ? value : `${value}/`))
      // Defaulted after the Slack checks, which must see whether the variable was set.
      .optional(),
    MATTERMOST_URL: url(EXPECTED.MATTERMOST_URL, ['http:', 'https:'])
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    MATTERMOST_BOT_TOKEN: text(EXPECTED.MATTERMOST_BOT_TOKEN)
      .regex(/^[A-Za-z0-9]{16,}$/, { error: EXPECTED.MATTERMOST_BOT_TOKEN })
      .optional(),
    MATTERMOST_TEAM: text(EXPECTED.MATTERMOST_TEAM)
      .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: EXPECTED.MATTERMOST_TEAM })
      .optional(),
    MATTERMOST_COMMAND_TOKENS: text(EXPECTED.MATTERMOST_COMMAND_TOKENS)
      .refine((value) => parseCommandTokens(value) !== undefined, {
        error: EXPECTED.MATTERMOST_COMMAND_TOKENS,
      })
      .transform((value) => parseCommandTokens(value) ?? {})
      .optional(),
    MATTERMOST_REQUESTS_PER_SECOND: wholeNumber(EXPECTED.MATTERMOST_REQUESTS_PER_SECOND, 1, 1000).default(8),
    MATRIX_HOMESERVER_URL: url(EXPECTED.MATRIX_HOMESERVER_URL, ['http:', 'https:'])
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    MATRIX_ACCESS_TOKEN: text(EXPECTED.MATRIX_ACCESS_TOKEN)
      .regex(/^\S{8,}$/, { error: EXPECTED.MATRIX_ACCESS_TOKEN })
      .optional(),
    MATRIX_USER_ID: text(EXPECTED.MATRIX_USER_ID)
      .regex(MATRIX_USER, { error: EXPECTED.MATRIX_USER_ID })
      .optional(),
    MATRIX_IDENTITY_SERVER_URL: url(EXPECTED.MATRIX_IDENTITY_SERVER_URL, ['http:', 'https:'])
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    // Tchap's bot guide asks for about one call per second.
    MATRIX_REQUESTS_PER_SECOND: text(EXPECTED.MATRIX_REQUESTS_PER_SECOND)
      .refine((value) => /^\d+(\.\d+)?$/.test(value) && Number(value) >= 0.1 && Number(value) <= 100, {
        error: EXPECTED.MATRIX_REQUESTS_PER_SECOND,
      })
      .transform(Number)
      .default(1),
    ROLE: oneOf(EXPECTED.ROLE, ROLES).default('all'),
    OUTBOX_CHANNEL_INTERVAL_MS: wholeNumber(EXPECTED.OUTBOX_CHANNEL_INTERVAL_MS, 0, 3_600_000).default(1000),
    // Defaulted after the platform is known: 8 posts per second, 1 on Matrix (Tchap asks for one call per second).
    OUTBOX_WORKSPACE_PER_SECOND: wholeNumber(EXPECTED.OUTBOX_WORKSPACE_PER_SECOND, 1, 1000).optional(),
    OUTBOX_UPDATES_PER_MINUTE: wholeNumber(EXPECTED.OUTBOX_UPDATES_PER_MINUTE, 1, 60_000).default(50),
    WORKER_LOCK_MS: wholeNumber(EXPECTED.WORKER_LOCK_MS, 500, 600_000).default(10_000),
    OUTBOX_IN_FLIGHT_MS: wholeNumber(EXPECTED.OUTBOX_IN_FLIGHT_MS, 100, 600_000).default(12_000),
    SHUTDOWN_TIMEOUT_MS: wholeNumber(EXPECTED.SHUTDOWN_TIMEOUT_MS, 1, 3_600_000).default(10000),
  },
  { error: 'environnement : des variables texte attendues' },
);

type Env = z.output<typeof EnvSchema>;

const ENV_KEYS = Object.keys(EnvSchema.shape) as (keyof Env)[];

/**
 * Keeps only the variables we know, trimmed; an empty or blank value counts as unset, because people leave `FOO=`
 * in their .env files.
 */
function normalizeEnv(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const source = input as Record<string, unknown>;
  const env: Record<string, unknown> = {};
  for (const key of ENV_KEYS) {
    const value = source[key];
    if (typeof value === 'string') {
      if (value.trim() !== '') env[key] = value.trim();
    } else if (value !== undefined) {
      env[key] = value;
    }
  }
  return env;
}

function slackKeysSet(env: Partial<Record<keyof Env, unknown>>): string[] {
  return SLACK_KEYS.filter((key) => env[key] !== undefined);
}

function mattermostKeysSet(env: Partial<Record<keyof Env, unknown>>): string[] {
  return MATTERMOST_KEYS.filter((key) => env[key] !== undefined);
}

/** Which chat platform the bot talks to, derived from the Slack variables. */
export type ChatConfig =
  | {
      kind: 'slack';
      /** `xoxb-` token for the Web API. */
      botToken: string;
      /** Verifies HTTP requests; absent only in Socket Mode. */
      signingSecret?: string;
      /** `xapp-` token; present exactly when `socketMode` is true. */
      appToken?: string;
      /** Web API base URL, always ending with `/`. */
      apiUrl: string;
      socketMode: boolean;
    }
  | {
      kind: 'mattermost';
      /** Server address, without a trailing slash (the API is under `/api/v4`). */
      url: string;
      botToken: string;
      /** Team name (as in its URL) where the slash commands live. */
      team: string;
      /** Where Mattermost reaches Cohorte: commands, buttons and dialogs post under `<publicUrl>/mattermost/`. */
      publicUrl: string;
      /** Tokens of commands created by hand (trigger → token): when set, nothing is registered at boot. */
      commandTokens?: Record<string, string>;
      /** Pacing of every API request the bot makes. */
      requestsPerSecond: number;
    }
  | {
      kind: 'matrix';
      /** The homeserver's address (or Pantalaimon's, in front of it), without a trailing slash. */
      homeserverUrl: string;
      accessToken: string;
      /** The bot's own Matrix id, checked against `whoami` at boot. */
      userId: string;
      /** An identity server for the hashed e-mail lookup (v2); without it, `matrix:` keys of community.yml. */
      identityServerUrl?: string;
      /** Pacing of every API call but the `/sync` long poll. */
      requestsPerSecond: number;
    }
  | { kind: 'shell' };

function matrixKeysSet(env: Partial<Record<keyof Env, unknown>>): string[] {
  return MATRIX_KEYS.filter((key) => env[key] !== undefined);
}

function deriveChat(env: Env): ChatConfig {
  if (env.MATRIX_HOMESERVER_URL && env.MATRIX_ACCESS_TOKEN && env.MATRIX_USER_ID) {
    return {
      kind: 'matrix',
      homeserverUrl: env.MATRIX_HOMESERVER_URL,
      accessToken: env.MATRIX_ACCESS_TOKEN,
      userId: env.MATRIX_USER_ID,
      ...(env.MATRIX_IDENTITY_SERVER_URL !== undefined && {
        identityServerUrl: env.MATRIX_IDENTITY_SERVER_URL,
      }),
      requestsPerSecond: env.MATRIX_REQUESTS_PER_SECOND,
    };
  }
  if (env.MATTERMOST_URL && env.MATTERMOST_BOT_TOKEN && env.MATTERMOST_TEAM && env.PUBLIC_URL) {
    return {
      kind: 'mattermost',
      url: env.MATTERMOST_URL,
      botToken: env.MATTERMOST_BOT_TOKEN,
      team: env.MATTERMOST_TEAM,
      publicUrl: env.PUBLIC_URL,
      ...(env.MATTERMOST_COMMAND_TOKENS !== undefined && { commandTokens: env.MATTERMOST_COMMAND_TOKENS }),
      requestsPerSecond: env.MATTERMOST_REQUESTS_PER_SECOND,
    };
  }
  if (slackKeysSet(env).length === 0 || env.SLACK_BOT_TOKEN === undefined) return { kind: 'shell' };
  return {
    kind: 'slack',
    botToken: env.SLACK_BOT_TOKEN,
    ...(env.SLACK_SIGNING_SECRET !== undefined && { signingSecret: env.SLACK_SIGNING_SECRET }),
    ...(env.SLACK_APP_TOKEN !== undefined && { appToken: env.SLACK_APP_TOKEN }),
    apiUrl: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
    socketMode: env.SLACK_APP_TOKEN !== undefined,
  };
}

/**
 * The environment, parsed: every variable checked with a message that names it and never quotes its value, defaults
 * filled in, empty strings treated as unset, and the derived {@link ChatConfig} in `chat`. Setting any Mattermost
 * variable selects Mattermost and then requires `MATTERMOST_URL`, `MATTERMOST_BOT_TOKEN`, `MATTERMOST_TEAM` and
 * `PUBLIC_URL`; setting any Matrix variable selects Matrix and requires `MATRIX_HOMESERVER_URL`,
 * `MATRIX_ACCESS_TOKEN` and `MATRIX_USER_ID`; variables of two platforms together are refused (one platform per
 * process). Setting any Slack
 * variable selects Slack and then requires `SLACK_BOT_TOKEN`, plus `SLACK_SIGNING_SECRET` unless `SLACK_APP_TOKEN`
 * selects Socket Mode; setting none selects the local shell.
 */
export const ConfigSchema = z
  .preprocess(
    normalizeEnv,
    EnvSchema.superRefine(
      (env, ctx) => {
        // Runs even when a variable is invalid (`when`), so every problem is reported in one go; it looks only at
        // which variables are present, never at their values.
        if (typeof env !== 'object' || env === null) return;
        if ((env.REDIS_SENTINELS === undefined) !== (env.REDIS_SENTINEL_NAME === undefined)) {
          const missing = env.REDIS_SENTINELS === undefined ? 'REDIS_SENTINELS' : 'REDIS_SENTINEL_NAME';
          ctx.addIssue({
            code: 'custom',
            path: [missing],
            message:
              'REDIS_SENTINELS et REDIS_SENTINEL_NAME vont ensemble : les sentinelles, et le nom du primaire',
          });
        }
        if (env.REDIS_SENTINELS !== undefined && env.REDIS_CLUSTER_NODES !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['REDIS_CLUSTER_NODES'],
            message:
              'REDIS_SENTINELS et REDIS_CLUSTER_NODES ne vont pas ensemble : choisissez Sentinel ou Cluster',
          });
        }
        const mattermost = mattermostKeysSet(env);
        const present = slackKeysSet(env);
        const matrix = matrixKeysSet(env);
        if (matrix.length > 0 && present.length + mattermost.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: `Variables de Matrix et d’une autre plateforme à la fois (${[...present, ...mattermost, ...matrix].join(', ')}) : Cohorte parle à une seule plateforme par processus ; retirez les variables de l’une`,
          });
          return;
        }
        if (matrix.length > 0) {
          for (const key of ['MATRIX_HOMESERVER_URL', 'MATRIX_ACCESS_TOKEN', 'MATRIX_USER_ID'] as const) {
            if (env[key] !== undefined) continue;
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `requis dès qu’une variable Matrix est définie (ici ${matrix.join(', ')}) ; sans Matrix, retirez-les`,
            });
          }
          return;
        }
        if (mattermost.length > 0 && present.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: `Variables de Slack et de Mattermost à la fois (${[...present, ...mattermost].join(', ')}) : Cohorte parle à une seule plateforme par processus ; retirez les variables de l’une`,
          });
          return;
        }
        if (mattermost.length > 0) {
          for (const key of [
            'MATTERMOST_URL',
            'MATTERMOST_BOT_TOKEN',
            'MATTERMOST_TEAM',
            'PUBLIC_URL',
          ] as const) {
            if (env[key] !== undefined) continue;
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `requis dès qu’une variable Mattermost est définie (ici ${mattermost.join(', ')}) ; sans Mattermost, retirez-les`,
            });
          }
          return;
        }
        if (present.length === 0) return;
        if (env.SLACK_BOT_TOKEN === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['SLACK_BOT_TOKEN'],
            message: `requis dès qu’une variable Slack est définie (ici ${present.join(', ')}) ; sans Slack, retirez-les`,
          });
        }
        if (env.SLACK_SIGNING_SECRET === undefined && env.SLACK_APP_TOKEN === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['SLACK_SIGNING_SECRET'],
            message: 'requis avec SLACK_BOT_TOKEN (ou définissez SLACK_APP_TOKEN pour le Socket Mode)',
          });
        }
      },
      { when: () => true },
    ),
  )
  .transform((env) => {
    const chat = deriveChat(env);
    // In the local shell, log lines would interleave with the conversation: only warnings unless asked.
    const LOG_LEVEL = env.LOG_LEVEL ?? (chat.kind === 'shell' ? 'warn' : 'info');
    const OUTBOX_WORKSPACE_PER_SECOND =
      env.OUTBOX_WORKSPACE_PER_SECOND ??
      (chat.kind === 'matrix' ? Math.max(Math.floor(chat.requestsPerSecond), 1) : 8);
    // Only the local shell running everything may start a redis-server of its own; production never does.
    // Nor does a process given sentinels or a cluster: the Redis it needs is theirs.
    const mayStartRedis =
      chat.kind === 'shell' &&
      env.ROLE === 'all' &&
      env.REDIS_SENTINELS === undefined &&
      env.REDIS_CLUSTER_NODES === undefined;
    return {
      ...env,
      LOG_LEVEL,
      OUTBOX_WORKSPACE_PER_SECOND,
      SLACK_API_URL: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
      chat,
      mayStartRedis,
    };
  });

/**
 * The application's configuration: the parsed environment plus the derived `chat` platform, and whether this
 * process may start a private redis-server (`mayStartRedis`: the local shell with ROLE=all).
 */
export type Config = z.output<typeof ConfigSchema>;

/**
 * Where this process finds Redis: the cluster of `REDIS_CLUSTER_NODES`, or the primary the sentinels name when
 * `REDIS_SENTINELS` is set (with `REDIS_PASSWORD` for the servers and `REDIS_SENTINEL_PASSWORD` for the sentinels),
 * else `REDIS_URL`.
 */
export function redisTarget(config: Config): RedisTarget {
  if (config.REDIS_CLUSTER_NODES !== undefined)
    return { cluster: config.REDIS_CLUSTER_NODES, password: config.REDIS_PASSWORD };
  if (config.REDIS_SENTINELS === undefined || config.REDIS_SENTINEL_NAME === undefined)
    return config.REDIS_URL;
  return sentinelTarget({
    sentinels: config.REDIS_SENTINELS,
    name: config.REDIS_SENTINEL_NAME,
    password: config.REDIS_PASSWORD,
    sentinelPassword: config.REDIS_SENTINEL_PASSWORD,
  });
}

/**
 * The prefix of every key and queue. On a cluster it is a hash tag, `{cohorte}`: all of Cohorte's keys then hash to
 * one slot, so its Lua scripts, its MULTIs and BullMQ (whose scripts touch several keys of a queue) work unchanged.
 * Elsewhere it stays `cohorte`, the names existing deployments have.
 */
export const keyPrefix = (config: Config): string =>
  config.REDIS_CLUSTER_NODES !== undefined ? `{${config.REDIS_PREFIX}}` : config.REDIS_PREFIX;

/**
 * The secret that signs the pages' links: `WEB_SESSION_SECRET`, or in the local shell a random one per process (the
 * pages open without setup there; the links die with the process). Undefined elsewhere: the pages are off.
 */
export const webSessionSecret = (config: Config): string | undefined =>
  config.WEB_SESSION_SECRET ??
  (config.chat.kind === 'shell' ? randomBytes(32).toString('base64url') : undefined);

/** A refused configuration as said at start: a French heading, then one problem a line. */
export const invalidConfiguration = (problems: readonly string[]): string =>
  `Configuration invalide :\n${problems.join('\n')}`;

/**
 * Thrown by {@link loadConfig}. `problems` holds one line per problem, each starting with the variable's name and
 * saying what is expected; no line ever contains the value that was given.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /** One line per problem, e.g. `PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)`. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(invalidConfiguration(problems));
    this.problems = problems;
  }
}

/**
 * Parses the environment (by default `process.env`) into a {@link Config}.
 *
 * @throws {ConfigError} listing every problem at once, one line each, without any value.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.map(String).join('.')}: ${issue.message}`,
  );
  throw new ConfigError([...new Set(problems)]);
}

/**
 * Loads `path` into `process.env` when the file exists, with Node's own parser; variables already set win over the
 * file. Returns whether a file was loaded.
 */
export function readDotEnv(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
