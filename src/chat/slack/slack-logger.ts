import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

/**
 * Bolt's logger interface over ours. Fixed at INFO: below it, the Socket Mode client logs raw payloads, tokens
 * included.
 */
export function boltLogger(log: Logger): BoltLogger {
  const text = (msgs: unknown[]) => msgs.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: () => {},
    info: (...msgs) => log.info({ source: 'bolt' }, text(msgs)),
    warn: (...msgs) => log.warn({ source: 'bolt' }, text(msgs)),
    error: (...msgs) => log.error({ source: 'bolt' }, text(msgs)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
