import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { isTimeZone } from './core/daily/time-zone.js';

export { isTimeZone };

/** Unset, empty and whitespace-only values all count as unset. */
const optional = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);
const withDefault = (fallback: string) => optional.transform((value) => value ?? fallback);
/** An API base URL: http(s) only (a `javascript:` or `ftp:` URL is no API). */
const url = optional.refine(
  (value) => value === undefined || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
  'must be an absolute http(s) URL such as https://example.com/api/',
);
/** Digits only (no sign, no point), no more of them than `max` has, from `min` to `max`. */
const isWholeIn = (value: string, min: number, max: number) =>
  /^\d+$/.test(value) && value.length <= String(max).length && Number(value) >= min && Number(value) <= max;
/** A whole number from `min` to `max`, `fallback` when unset. */
const wholeNumber = (fallback: string, min: number, max: number, message: string) =>
  withDefault(fallback)
    .refine((value) => isWholeIn(value, min, max), message)
    .transform(Number);
const port = wholeNumber('3000', 0, 65535, 'must be a port number from 0 to 65535');

export const envSchema = z.object({
  PATTERNS_FILE: withDefault('data/patterns.tsv'),
  LOG_LEVEL: withDefault('info').pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  PORT: port,
  HOST: withDefault('0.0.0.0'),
  SLACK_BOT_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith('xoxb-'),
    'must be a bot token starting with xoxb-',
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith('xapp-'),
    'must be an app-level token starting with xapp-',
  ),
  SLACK_API_URL: url,
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine(
    (v) => v === undefined || /^\d{17,20}$/.test(v),
    'must be a numeric snowflake ID',
  ),
  DISCORD_GUILD_ID: optional.refine(
    (v) => v === undefined || /^\d{17,20}$/.test(v),
    'must be a numeric snowflake ID',
  ),
  DISCORD_API_URL: url,
  DISCORD_GATEWAY: withDefault('on').pipe(
    z.enum(['on', 'off'], { message: 'must be on or off (off: daily posts over REST only, no gateway)' }),
  ),
  DATABASE_PATH: withDefault('data/bot.db'),
  DATABASE_URL: optional.refine(
    (v) => v === undefined || (/^postgres(ql)?:\/\//.test(v) && URL.canParse(v)),
    'must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
  ),
  DAILY_DEFAULT_TZ: withDefault('UTC').refine(
    isTimeZone,
    'must be an IANA time zone such as UTC, Europe/Berlin or America/New_York',
  ),
  DAILY_CHANNELS: optional,
  PUBLIC_URL: optional
    .refine(
      (v) =>
        v === undefined ||
        (URL.canParse(v) && new URL(v).protocol === 'https:' && !new URL(v).search && !new URL(v).hash),
      'must be the https URL the bot is reached at, such as https://patterns.example.com (no query or #)',
    )
    .transform((v) => v?.replace(/\/+$/, '')),
  DAILY_SLACK_ADMINS_ONLY: withDefault('false').pipe(
    z.enum(['true', 'false']).transform((v) => v === 'true'),
  ),
  /** Daily posts a second per platform and process: Slack asks about one a second per channel, within a workspace-wide limit. */
  DAILY_POSTS_PER_SECOND: wholeNumber(
    '20',
    1,
    1000,
    'must be a whole number of posts a second from 1 to 1000',
  ),
  MISS_LOG: withDefault('on').pipe(z.enum(['on', 'off']).transform((v) => v === 'on')),
  MISS_LOG_DAYS: wholeNumber('30', 1, 3650, 'must be a whole number of days from 1 to 3650'),
  /** `off`: no `quiz top` leaderboard, for teams that prefer no ranking. */
  QUIZ_LEADERBOARD: withDefault('on').pipe(z.enum(['on', 'off']).transform((v) => v === 'on')),
  /** Minutes after a question of the day until its answer; unset: at the channel's next post. */
  QUIZ_REVEAL_AFTER_MINUTES: optional.refine(
    (v) => v === undefined || isWholeIn(v, 1, 10_080),
    'must be a number of minutes from 1 to 10080 (a week), or unset for "at the next post"',
  ),
});

export type Env = z.infer<typeof envSchema>;

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret?: string;
  /** Set: Socket Mode. Unset: HTTP mode on `port`. */
  readonly appToken?: string;
  readonly apiUrl?: string;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId?: string;
  readonly apiUrl?: string;
  /**
   * Hold the gateway connection (DISCORD_GATEWAY=on, the default; unset is on): receive commands, buttons and
   * mentions. Off: post daily cards over REST only. Exactly one process may hold it, or every
   * mention is answered once by each.
   */
  readonly gateway?: boolean;
}

export interface Config {
  readonly patternsFile: string;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly port: number;
  readonly host: string;
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  /** The SQLite file, used when `databaseUrl` is unset. */
  readonly databasePath: string;
  /** PostgreSQL (`postgres://…`): set, the store is shared by every replica. */
  readonly databaseUrl?: string;
  readonly dailyDefaultTimeZone: string;
  readonly dailyChannels?: string;
  readonly dailySlackAdminsOnly: boolean;
  /** Daily posts a second, per platform and process (DAILY_POSTS_PER_SECOND). */
  readonly dailyPostsPerSecond: number;
  /** Keep the miss log and the counts of asked patterns (MISS_LOG=off: keep nothing). */
  readonly missLog: boolean;
  /** Days the miss log and the counts are kept (MISS_LOG_DAYS). */
  readonly missLogDays: number;
  /**
   * Where the bot is reached from the internet (https, no trailing slash): Slack then shows a diagram
   * as an image block of `${publicUrl}/diagrams/<slug>.png`, served by the bot, instead of uploading it.
   */
  readonly publicUrl?: string;
  /** Whether `quiz top` shows a channel leaderboard (QUIZ_LEADERBOARD, default on). */
  readonly quizLeaderboard: boolean;
  /** Minutes until a question of the day's answer; unset: at the channel's next post. */
  readonly quizRevealAfterMinutes?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function missing(env: Env, names: readonly (keyof Env)[]): string[] {
  return names.filter((name) => env[name] === undefined);
}

/** Validates an environment into a typed config. Throws ConfigError naming every bad variable. */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];

  let slack: SlackConfig | undefined;
  const slackSet =
    env.SLACK_BOT_TOKEN ?? env.SLACK_SIGNING_SECRET ?? env.SLACK_APP_TOKEN ?? env.SLACK_API_URL;
  if (slackSet !== undefined) {
    const needed = missing(
      env,
      env.SLACK_APP_TOKEN ? ['SLACK_BOT_TOKEN'] : ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
    );
    if (needed.length > 0) {
      problems.push(
        `Slack is half configured: ${needed.join(' and ')} ${needed.length > 1 ? 'are' : 'is'} missing ` +
          '(Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)',
      );
    } else {
      slack = {
        botToken: env.SLACK_BOT_TOKEN as string,
        ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
        ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
        ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
      };
    }
  }

  let discord: DiscordConfig | undefined;
  const discordSet = env.DISCORD_TOKEN ?? env.DISCORD_APPLICATION_ID ?? env.DISCORD_API_URL;
  if (discordSet !== undefined) {
    const needed = missing(env, ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']);
    if (needed.length > 0) {
      problems.push(
        `Discord is half configured: ${needed.join(' and ')} ${needed.length > 1 ? 'are' : 'is'} missing`,
      );
    } else {
      discord = {
        token: env.DISCORD_TOKEN as string,
        applicationId: env.DISCORD_APPLICATION_ID as string,
        ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
        ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
        gateway: env.DISCORD_GATEWAY === 'on',
      };
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    patternsFile: env.PATTERNS_FILE,
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    host: env.HOST,
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    databasePath: env.DATABASE_PATH,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dailyDefaultTimeZone: env.DAILY_DEFAULT_TZ,
    ...(env.DAILY_CHANNELS ? { dailyChannels: env.DAILY_CHANNELS } : {}),
    dailySlackAdminsOnly: env.DAILY_SLACK_ADMINS_ONLY,
    dailyPostsPerSecond: env.DAILY_POSTS_PER_SECOND,
    missLog: env.MISS_LOG,
    missLogDays: env.MISS_LOG_DAYS,
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    quizLeaderboard: env.QUIZ_LEADERBOARD,
    ...(env.QUIZ_REVEAL_AFTER_MINUTES
      ? { quizRevealAfterMinutes: Number(env.QUIZ_REVEAL_AFTER_MINUTES) }
      : {}),
  };
}

/** Loads `.env` (or the file ENV_FILE names) without overriding the real environment, and validates the result. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true, path: process.env.ENV_FILE ?? '.env' });
  return parseConfig(process.env);
}
