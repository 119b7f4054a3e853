import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import type { DailyCommands } from '../conversation/create-conversation.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../logger.js';
import { createDailyScheduler, type DailyScheduler, type DailySchedulerOptions } from './daily-scheduler.js';
import type { DailyPlatform, DailyPoster } from './poster.js';
import { runDailyCommand } from './run-daily-command.js';
import { parseDailyChannels } from './static-channels.js';
import { type DailyStore, openDailyStore } from './store.js';

export interface Daily {
  readonly store: DailyStore;
  /** What the conversation hands `daily …` commands to, and asks a channel's zone of. */
  readonly commands: DailyCommands;
  /** The scheduler over the adapters' posters: built once the adapters exist. */
  scheduler(posters: readonly DailyPoster[]): DailyScheduler;
}

/**
 * The daily pattern from config: opens the database and reads `DAILY_CHANNELS` (a ConfigError names
 * it), before any adapter exists, so the composition root stays linear: store → conversation →
 * adapters → scheduler.
 */
export function createDaily(options: {
  config: Pick<Config, 'databasePath' | 'dailyDefaultTimeZone' | 'dailyChannels'>;
  /** The platforms this deployment posts to. */
  platforms: readonly DailyPlatform[];
  bot: Bot;
  logger: Logger;
  clock?: () => Date;
  /** Overrides for the scheduler (tests: no cron tick, fast retries). */
  scheduler?: Pick<DailySchedulerOptions, 'tickPattern' | 'retry' | 'staleClaimMs' | 'sleep'>;
}): Daily {
  const { config, bot, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const staticChannels = parseDailyChannels(config.dailyChannels);
  const store = openDailyStore(config.databasePath);
  const defaultTimeZone = config.dailyDefaultTimeZone;
  const deps = { store, platforms: new Set(options.platforms), defaultTimeZone, clock };
  return {
    store,
    commands: {
      run: (command, target) => runDailyCommand(command, target, deps),
      timeZoneOf(platform, channelId) {
        const subscription = store.getSubscription(platform, channelId);
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
        ...options.scheduler,
      }),
  };
}
