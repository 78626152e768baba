import { pino } from 'pino';
import { SECRET_KEYS } from './config.js';

/**
 * Paths pino blanks in every log line: tokens and secrets wherever they appear in the objects we log (Bolt and
 * WebClient errors carry request configs with Authorization headers).
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'err.config.headers.Authorization',
  'err.config.data',
  'REDIS_URL',
  ...SECRET_KEYS,
];

/** The root logger. Only this module imports pino. */
export function createLogger(level: string, destination?: NodeJS.WritableStream) {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[secret]' }, base: { app: 'cohorte' } },
    destination ?? pino.destination(2),
  );
}

/** The root logger's type. */
export type Log = ReturnType<typeof createLogger>;
