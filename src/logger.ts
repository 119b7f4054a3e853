import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
];

/** JSON logs on stderr, so stdout stays clean for the CLI and the console chat. */
export function createLogger(level: string, destination: number | NodeJS.WritableStream = 2): Logger {
  const stream =
    typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'pattern-bot' } },
    stream,
  );
}
