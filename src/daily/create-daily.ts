import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import type { DailyCommands } from '../conversation/create-conversation.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../logger.js';
import { createDailyQuestion } from '../quiz/daily-question.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/store.js';
import { createDailyScheduler, type DailyScheduler, type DailySchedulerOptions } from './daily-scheduler.js';
import type { DailyPlatform, DailyPoster } from './poster.js';
import { runDailyCommand } from './run-daily-command.js';
import { parseDailyChannels } from './static-channels.js';

export interface Daily {
  readonly store: Store;
  /** What the conversation hands `daily …` commands to, and asks a channel's zone of. */
  readonly commands: DailyCommands;
  /** The scheduler over the adapters' posters: built once the adapters exist. */
  scheduler(posters: readonly DailyPoster[]): DailyScheduler;
}

/**
 * The daily pattern from config: reads `DAILY_CHANNELS` (a ConfigError names it) and uses the store
 * it is given (main opens it first with `openStore`, so a StorageError is one line at start-up) or,
 * without one, the store the config names, connecting in the background. All before any adapter
 * exists, so the composition root stays linear: store → conversation → adapters → scheduler.
 */
export function createDaily(options: {
  config: Pick<
    Config,
    'databasePath' | 'databaseUrl' | 'dailyDefaultTimeZone' | 'dailyChannels' | 'quizRevealAfterMinutes'
  > &
    Partial<Pick<Config, 'missLogDays' | 'dailyPostsPerSecond'>>;
  /** An opened store (`openStore`); without one the config's is created here. */
  store?: Store;
  /** The platforms this deployment posts to. */
  platforms: readonly DailyPlatform[];
  bot: Bot;
  logger: Logger;
  clock?: () => Date;
  /** Overrides for the scheduler (tests: no cron tick, fast retries). */
  scheduler?: Pick<
    DailySchedulerOptions,
    'tickPattern' | 'retry' | 'staleClaimMs' | 'sleep' | 'postsPerSecond'
  >;
  metrics?: DailySchedulerOptions['metrics'];
}): Daily {
  const { config, bot, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const staticChannels = parseDailyChannels(config.dailyChannels);
  const store = options.store ?? createStore(config, { logger });
  const defaultTimeZone = config.dailyDefaultTimeZone;
  const deps = { store, platforms: new Set(options.platforms), defaultTimeZone, clock };
  return {
    store,
    commands: {
      run: (command, target) => runDailyCommand(command, target, deps),
      async timeZoneOf(platform, channelId) {
        const subscription = await store.getSubscription(platform, channelId);
        return subscription?.enabled ? subscription.timeZone : undefined;
      },
    },
    scheduler: (posters) =>
      createDailyScheduler({
        store,
        posters,
        bot,
        clock,
        logger,
        owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        staticChannels,
        defaultTimeZone,
        ...(config.missLogDays !== undefined ? { missRetentionDays: config.missLogDays } : {}),
        ...(config.dailyPostsPerSecond !== undefined ? { postsPerSecond: config.dailyPostsPerSecond } : {}),
        ...(options.metrics ? { metrics: options.metrics } : {}),
        quiz: createDailyQuestion({
          bot,
          store,
          ...(config.quizRevealAfterMinutes ? { revealAfterMs: config.quizRevealAfterMinutes * 60_000 } : {}),
        }),
        ...options.scheduler,
      }),
  };
}
