import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  ConfigSchema,
  keyPrefix,
  loadConfig,
  readDotEnv,
  redisTarget,
  SECRET_KEYS,
} from '../../src/config.js';

const BOT_TOKEN = 'xoxb-1111-2222-abcdef';
const SIGNING_SECRET = '0123456789abcdef0123';
const APP_TOKEN = 'xapp-1-A111-222-abcdef';

/** The problems `loadConfig` reports for `env`, or fails the test if it accepts it. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('logs at info on Slack and only warnings in the shell, unless LOG_LEVEL says otherwise', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '0123456789abcdef' };
    expect(loadConfig(slack).LOG_LEVEL).toBe('info');
    expect(loadConfig({}).LOG_LEVEL).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
  });

  it('fills every default and runs in the shell when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'cohorte',
      PORT: 3000,
      LOG_LEVEL: 'warn',
      ROLE: 'all',
      SLACK_API_URL: 'https://slack.com/api/',
      OUTBOX_CHANNEL_INTERVAL_MS: 1000,
      OUTBOX_WORKSPACE_PER_SECOND: 8,
      MATTERMOST_REQUESTS_PER_SECOND: 8,
      MATRIX_REQUESTS_PER_SECOND: 1,
      OUTBOX_UPDATES_PER_MINUTE: 50,
      WORKER_LOCK_MS: 10000,
      OUTBOX_IN_FLIGHT_MS: 12000,
      SHUTDOWN_TIMEOUT_MS: 10000,
      chat: { kind: 'shell' },
      mayStartRedis: true,
    });
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.COMMUNITY_FILE).toBeUndefined();
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ HOME: '/home/x', PATH: '/bin' }).chat).toEqual({ kind: 'shell' });
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      REDIS_URL: 'rediss://:pw@redis.example:6380/2',
      REDIS_PREFIX: 'cohorte-test_1',
      PORT: '8080',
      PUBLIC_URL: 'https://cohorte.example.org/',
      LOG_LEVEL: 'debug',
      COMMUNITY_FILE: './community.yml',
      ROLE: 'worker',
      OUTBOX_CHANNEL_INTERVAL_MS: '0',
      OUTBOX_WORKSPACE_PER_SECOND: '2',
      OUTBOX_UPDATES_PER_MINUTE: '20',
      WORKER_LOCK_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({
      REDIS_URL: 'rediss://:pw@redis.example:6380/2',
      REDIS_PREFIX: 'cohorte-test_1',
      PORT: 8080,
      PUBLIC_URL: 'https://cohorte.example.org',
      LOG_LEVEL: 'debug',
      COMMUNITY_FILE: './community.yml',
      ROLE: 'worker',
      OUTBOX_CHANNEL_INTERVAL_MS: 0,
      OUTBOX_WORKSPACE_PER_SECOND: 2,
      OUTBOX_UPDATES_PER_MINUTE: 20,
      WORKER_LOCK_MS: 2000,
      SHUTDOWN_TIMEOUT_MS: 500,
    });
  });

  it('connects through the sentinels when they are given, and never starts a Redis of its own then', () => {
    const config = loadConfig({
      REDIS_SENTINELS: 'sentinelle-1:26379, 10.0.0.2:26380',
      REDIS_SENTINEL_NAME: 'cohorte',
      REDIS_PASSWORD: 'pw-redis',
      REDIS_SENTINEL_PASSWORD: 'pw-sentinel',
    });
    expect(config.mayStartRedis).toBe(false);
    expect(redisTarget(config)).toMatchObject({
      sentinels: [
        { host: 'sentinelle-1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
      ],
      name: 'cohorte',
      password: 'pw-redis',
      sentinelPassword: 'pw-sentinel',
    });
    expect(redisTarget(loadConfig({}))).toBe('redis://127.0.0.1:6379');
  });

  it('connects to a cluster when nodes are given, every key under one hash tag; elsewhere the names stay', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: 'redis-1:6379,redis-2:6379', REDIS_PASSWORD: 'pw' });
    expect(config.mayStartRedis).toBe(false);
    expect(redisTarget(config)).toEqual({
      cluster: [
        { host: 'redis-1', port: 6379 },
        { host: 'redis-2', port: 6379 },
      ],
      password: 'pw',
    });
    expect(keyPrefix(config)).toBe('{cohorte}');
    expect(keyPrefix(loadConfig({}))).toBe('cohorte');
    expect(keyPrefix(loadConfig({ REDIS_SENTINELS: 'a:26379', REDIS_SENTINEL_NAME: 'm' }))).toBe('cohorte');
  });

  it('selects Slack over HTTP with a bot token and a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(config.chat).toEqual({
      kind: 'slack',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: 'https://slack.com/api/',
      socketMode: false,
    });
  });

  it('selects Socket Mode with an app token, without a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    expect(config.chat).toEqual({
      kind: 'slack',
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      apiUrl: 'https://slack.com/api/',
      socketMode: true,
    });
  });

  it('adds the trailing slash SLACK_API_URL needs, and keeps one already there', () => {
    const base = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };
    const added = loadConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:4010/api' });
    expect(added.SLACK_API_URL).toBe('http://127.0.0.1:4010/api/');
    expect(added.chat).toMatchObject({ kind: 'slack', apiUrl: 'http://127.0.0.1:4010/api/' });
    const kept = loadConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:4010/api/' });
    expect(kept.SLACK_API_URL).toBe('http://127.0.0.1:4010/api/');
  });

  it('treats empty and blank strings as unset', () => {
    const config = loadConfig({
      REDIS_URL: '',
      REDIS_PREFIX: '',
      PORT: '',
      PUBLIC_URL: '  ',
      LOG_LEVEL: '',
      COMMUNITY_FILE: '',
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: '',
      ROLE: '',
      OUTBOX_CHANNEL_INTERVAL_MS: '',
      OUTBOX_WORKSPACE_PER_SECOND: '',
      OUTBOX_UPDATES_PER_MINUTE: '',
      WORKER_LOCK_MS: '',
      SHUTDOWN_TIMEOUT_MS: '',
    });
    expect(config).toEqual(loadConfig({}));
    expect(config.chat).toEqual({ kind: 'shell' });
  });

  it('treats an empty SLACK_APP_TOKEN as unset, so HTTP mode still needs its signing secret', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: '' })).toEqual([
      'SLACK_SIGNING_SECRET: requis avec SLACK_BOT_TOKEN (ou définissez SLACK_APP_TOKEN pour le Socket Mode)',
    ]);
  });

  describe('reports one precise line per bad variable', () => {
    const slack = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };
    const cases: [string, Record<string, string>, string][] = [
      [
        'REDIS_URL',
        { REDIS_URL: 'http://localhost:6379' },
        'REDIS_URL: adresse Redis attendue, redis://hôte:port ou rediss://… (par défaut redis://127.0.0.1:6379)',
      ],
      [
        'REDIS_URL (not a URL)',
        { REDIS_URL: 'localhost' },
        'REDIS_URL: adresse Redis attendue, redis://hôte:port ou rediss://… (par défaut redis://127.0.0.1:6379)',
      ],
      [
        'REDIS_PREFIX',
        { REDIS_PREFIX: 'co:horte' },
        'REDIS_PREFIX: lettres sans accent (A-Z, a-z), chiffres, « - » et « _ » seulement (par défaut cohorte)',
      ],
      [
        'REDIS_SENTINELS',
        { REDIS_SENTINELS: 'sentinelle-1', REDIS_SENTINEL_NAME: 'cohorte' },
        'REDIS_SENTINELS: adresses hôte:port séparées par des virgules attendues, par exemple sentinelle-1:26379,sentinelle-2:26379',
      ],
      [
        'REDIS_SENTINEL_NAME (missing)',
        { REDIS_SENTINELS: 'sentinelle-1:26379' },
        'REDIS_SENTINEL_NAME: REDIS_SENTINELS et REDIS_SENTINEL_NAME vont ensemble : les sentinelles, et le nom du primaire',
      ],
      [
        'REDIS_CLUSTER_NODES (with sentinels)',
        { REDIS_CLUSTER_NODES: 'a:6379', REDIS_SENTINELS: 'b:26379', REDIS_SENTINEL_NAME: 'm' },
        'REDIS_CLUSTER_NODES: REDIS_SENTINELS et REDIS_CLUSTER_NODES ne vont pas ensemble : choisissez Sentinel ou Cluster',
      ],
      ['PORT (not a number)', { PORT: 'http' }, 'PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)'],
      ['PORT (0)', { PORT: '0' }, 'PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)'],
      ['PORT (70000)', { PORT: '70000' }, 'PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)'],
      ['PORT (decimal)', { PORT: '80.5' }, 'PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)'],
      [
        'PUBLIC_URL',
        { PUBLIC_URL: 'cohorte.example.org' },
        'PUBLIC_URL: adresse http:// ou https:// attendue, par exemple https://cohorte.exemple.fr',
      ],
      [
        'LOG_LEVEL',
        { LOG_LEVEL: 'verbose' },
        'LOG_LEVEL: un niveau parmi fatal, error, warn, info, debug, trace, silent attendu (par défaut info, warn dans le shell)',
      ],
      [
        'SLACK_BOT_TOKEN (wrong prefix)',
        { ...slack, SLACK_BOT_TOKEN: 'xoxp-1234' },
        'SLACK_BOT_TOKEN: jeton de bot commençant par « xoxb- » attendu (page OAuth & Permissions de l’app Slack)',
      ],
      [
        'SLACK_APP_TOKEN (wrong prefix)',
        { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-1234' },
        'SLACK_APP_TOKEN: jeton d’application commençant par « xapp- » attendu (page Basic Information de l’app Slack, pour le Socket Mode)',
      ],
      [
        'SLACK_SIGNING_SECRET (too short)',
        { ...slack, SLACK_SIGNING_SECRET: 'short' },
        'SLACK_SIGNING_SECRET: secret de signature d’au moins 16 caractères attendu (page Basic Information de l’app Slack)',
      ],
      [
        'SLACK_API_URL (not a URL)',
        { ...slack, SLACK_API_URL: 'slack api' },
        'SLACK_API_URL: adresse http:// ou https:// attendue (par défaut https://slack.com/api/)',
      ],
      ['ROLE', { ROLE: 'scheduler' }, 'ROLE: un rôle parmi all, web, worker attendu (par défaut all)'],
      [
        'OUTBOX_CHANNEL_INTERVAL_MS',
        { OUTBOX_CHANNEL_INTERVAL_MS: '-1' },
        'OUTBOX_CHANNEL_INTERVAL_MS: nombre entier de millisecondes de 0 à 3600000 attendu (par défaut 1000)',
      ],
      [
        'OUTBOX_WORKSPACE_PER_SECOND',
        { OUTBOX_WORKSPACE_PER_SECOND: '0' },
        'OUTBOX_WORKSPACE_PER_SECOND: nombre entier de messages par seconde de 1 à 1000 attendu (par défaut 8, 1 sur Matrix)',
      ],
      [
        'WORKER_LOCK_MS',
        { WORKER_LOCK_MS: '100' },
        'WORKER_LOCK_MS: nombre entier de millisecondes de 500 à 600000 attendu (par défaut 10000)',
      ],
      [
        'SHUTDOWN_TIMEOUT_MS',
        { SHUTDOWN_TIMEOUT_MS: 'ten' },
        'SHUTDOWN_TIMEOUT_MS: nombre entier de millisecondes de 1 à 3600000 attendu (par défaut 10000)',
      ],
      [
        'SLACK_BOT_TOKEN (missing, only a signing secret)',
        { SLACK_SIGNING_SECRET: SIGNING_SECRET },
        'SLACK_BOT_TOKEN: requis dès qu’une variable Slack est définie (ici SLACK_SIGNING_SECRET) ; sans Slack, retirez-les',
      ],
      [
        'SLACK_BOT_TOKEN (missing, only an app token)',
        { SLACK_APP_TOKEN: APP_TOKEN },
        'SLACK_BOT_TOKEN: requis dès qu’une variable Slack est définie (ici SLACK_APP_TOKEN) ; sans Slack, retirez-les',
      ],
      [
        'SLACK_SIGNING_SECRET (missing in HTTP mode)',
        { SLACK_BOT_TOKEN: BOT_TOKEN },
        'SLACK_SIGNING_SECRET: requis avec SLACK_BOT_TOKEN (ou définissez SLACK_APP_TOKEN pour le Socket Mode)',
      ],
    ];

    it.each(cases)('%s', (_name, env, line) => {
      expect(problemsOf(env)).toEqual([line]);
    });
  });

  it('reports several problems at once, one line each, in the error message too', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: '0',
        ROLE: 'everything',
        REDIS_URL: 'mysql://db',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems).toEqual([
      'REDIS_URL: adresse Redis attendue, redis://hôte:port ou rediss://… (par défaut redis://127.0.0.1:6379)',
      'PORT: nombre entier de 1 à 65535 attendu (par défaut 3000)',
      'ROLE: un rôle parmi all, web, worker attendu (par défaut all)',
      'SLACK_BOT_TOKEN: requis dès qu’une variable Slack est définie (ici SLACK_SIGNING_SECRET) ; sans Slack, retirez-les',
    ]);
    expect(error.message).toBe(`Configuration invalide :\n${error.problems.join('\n')}`);
    expect(error.name).toBe('ConfigError');
  });

  it('never repeats a value it was given, secret or not', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxp-SECRET123456',
      SLACK_SIGNING_SECRET: 'supersecretvalue-XYZ',
      SLACK_APP_TOKEN: 'xoxa-APPSECRET987',
      SLACK_API_URL: 'not a url SECRETURL',
      REDIS_URL: 'http://user:REDISPASSWORD@host',
      PORT: 'PORTSECRET',
      LOG_LEVEL: 'LEVELSECRET',
      ROLE: 'ROLESECRET',
      REDIS_PREFIX: 'PREFIX SECRET',
      PUBLIC_URL: 'PUBLICSECRET',
    };
    let caught: unknown;
    try {
      loadConfig(secrets);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.length).toBeGreaterThanOrEqual(9);
    const shown = [error.message, ...error.problems, String(error.stack)];
    for (const value of Object.values(secrets)) {
      for (const text of shown) expect(text).not.toContain(value);
    }
    for (const fragment of ['SECRET123456', 'supersecretvalue', 'APPSECRET987', 'REDISPASSWORD']) {
      for (const text of shown) expect(text).not.toContain(fragment);
    }
  });

  it('gives fixed messages even for values of the wrong type passed to the schema', () => {
    const result = ConfigSchema.safeParse({ PORT: 3000, SLACK_BOT_TOKEN: { token: 'xoxb-OBJSECRET' } });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('nombre entier de 1 à 65535 attendu (par défaut 3000)');
    expect(messages).toContain(
      'jeton de bot commençant par « xoxb- » attendu (page OAuth & Permissions de l’app Slack)',
    );
    expect(JSON.stringify(result.error?.issues)).not.toContain('OBJSECRET');
  });
});

describe('SECRET_KEYS', () => {
  it('lists every variable holding a secret', () => {
    expect([...SECRET_KEYS].sort()).toEqual(
      [
        'CALENDAR_TOKEN',
        'MATTERMOST_BOT_TOKEN',
        'MATTERMOST_COMMAND_TOKENS',
        'MATRIX_ACCESS_TOKEN',
        'SLACK_APP_TOKEN',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
        'WEB_SESSION_SECRET',
        'REDIS_PASSWORD',
        'REDIS_SENTINEL_PASSWORD',
      ].sort(),
    );
  });
});

describe('.env.example', () => {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('loads as is, into the shell mode defaults', () => {
    expect(loadConfig(parseEnv(text))).toEqual(loadConfig({}));
  });

  it('documents every variable the schema reads, each under a comment', () => {
    const lines = text.split('\n');
    const keys = [
      'REDIS_URL',
      'REDIS_PREFIX',
      'REDIS_SENTINELS',
      'REDIS_SENTINEL_NAME',
      'REDIS_CLUSTER_NODES',
      'REDIS_PASSWORD',
      'REDIS_SENTINEL_PASSWORD',
      'PORT',
      'PUBLIC_URL',
      'LOG_LEVEL',
      'COMMUNITY_FILE',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_APP_TOKEN',
      'SLACK_API_URL',
      'MATTERMOST_URL',
      'MATTERMOST_BOT_TOKEN',
      'MATTERMOST_TEAM',
      'MATTERMOST_COMMAND_TOKENS',
      'MATTERMOST_REQUESTS_PER_SECOND',
      'ROLE',
      'OUTBOX_CHANNEL_INTERVAL_MS',
      'OUTBOX_WORKSPACE_PER_SECOND',
      'OUTBOX_UPDATES_PER_MINUTE',
      'WORKER_LOCK_MS',
      'SHUTDOWN_TIMEOUT_MS',
    ];
    for (const key of keys) {
      const index = lines.findIndex((line) => line.startsWith(`${key}=`));
      expect(index, key).toBeGreaterThan(0);
      expect(lines[index - 1]?.startsWith('#'), key).toBe(true);
    }
  });
});

describe('readDotEnv', () => {
  const created: string[] = [];
  const keys = ['COHORTE_TEST_FROM_FILE', 'COHORTE_TEST_ALREADY_SET'];

  afterEach(() => {
    for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
    for (const key of keys) delete process.env[key];
  });

  it('does nothing when the file does not exist', () => {
    expect(readDotEnv(join(tmpdir(), 'cohorte-no-such-file.env'))).toBe(false);
  });

  it('loads the file without overriding variables already set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohorte-env-'));
    created.push(dir);
    const path = join(dir, '.env');
    writeFileSync(path, 'COHORTE_TEST_FROM_FILE=from-file\nCOHORTE_TEST_ALREADY_SET=from-file\n');
    process.env.COHORTE_TEST_ALREADY_SET = 'from-environment';
    expect(readDotEnv(path)).toBe(true);
    expect(process.env.COHORTE_TEST_FROM_FILE).toBe('from-file');
    expect(process.env.COHORTE_TEST_ALREADY_SET).toBe('from-environment');
  });
});
