import { type AppOptions, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

type BoltLogger = NonNullable<AppOptions['logger']>;

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** Bolt's logger interface over pino, so Bolt's own lines (bad signatures, acks) land in our JSON logs. */
export function pinoToBoltLogger(logger: Logger): BoltLogger {
  // Bolt calls debug() several times per request: build the line only when it will be written.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (logger.isLevelEnabled(level)) logger[level](msg.map(String).join(' '));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => LEVELS[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
