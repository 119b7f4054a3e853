import { type AppOptions, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

type BoltLogger = NonNullable<AppOptions['logger']>;

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/**
 * Secrets the Slack SDKs may print in their own lines: the Socket Mode connection URL (its query holds
 * a `ticket` that opens the app's WebSocket; web-api prints the `apps.connections.open` result at
 * debug level), any Slack token (`xoxb-…`, `xoxp-…`, `xapp-…`, refresh tokens `xoxe-…`), and the
 * legacy verification `token` of each payload (socket-mode prints every message it receives at debug).
 */
const SECRETS: readonly [RegExp, string][] = [
  [/(wss?:\/\/[^\s"'?]+)\?[^\s"']*/g, '$1?[redacted]'],
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, '[redacted]'],
  [/("token"\s*:\s*")[^"]*"/g, '$1[redacted]"'],
];

/** A line with every secret the SDKs are known to print replaced. Exported for its test. */
export function redactSlackSecrets(line: string): string {
  return SECRETS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), line);
}

/** Bolt's logger interface over pino, so Bolt's own lines (bad signatures, acks) land in our JSON logs. */
export function pinoToBoltLogger(logger: Logger): BoltLogger {
  // Bolt calls debug() several times per request: build the line only when it will be written.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (logger.isLevelEnabled(level)) logger[level](redactSlackSecrets(msg.map(String).join(' ')));
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
