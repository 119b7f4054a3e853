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
  const line = (parts: readonly unknown[]) => parts.map(String).join(' ');
  return {
    debug: (...msg) => logger.debug(line(msg)),
    info: (...msg) => logger.info(line(msg)),
    warn: (...msg) => logger.warn(line(msg)),
    error: (...msg) => logger.error(line(msg)),
    setLevel: () => {},
    getLevel: () => LEVELS[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
