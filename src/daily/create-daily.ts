import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Ask } from '../ask.js';
import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../logger.js';
import { createDailyAsk } from './daily-ask.js';
import { createDailyScheduler, type DailyScheduler, type DailySchedulerOptions } from './daily-scheduler.js';
import type { DailyPoster } from './poster.js';
import { parseDailyChannels } from './static-channels.js';
import { type DailyStore, openDailyStore } from './store.js';

export interface Daily {
  /** The `Ask` to give the adapters: daily commands here, everything else to the core. */
  readonly ask: Ask;
  /** The service main starts after the adapters and stops before closing the store. */
  readonly scheduler: DailyScheduler;
  readonly store: DailyStore;
}

/**
 * Wires the daily pattern from config: opens the database, reads `DAILY_CHANNELS` (throws a
 * ConfigError naming it), and builds the ask and the scheduler over the posters given.
 */
export function createDaily(options: {
  config: Pick<Config, 'databasePath' | 'dailyDefaultTimeZone' | 'dailyChannels'>;
  bot: Bot;
  logger: Logger;
  posters: readonly DailyPoster[];
  clock?: () => Date;
  /** Overrides for the scheduler (tests: no cron tick, fast retries). */
  scheduler?: Pick<DailySchedulerOptions, 'tickPattern' | 'retry' | 'staleClaimMs' | 'sleep'>;
}): Daily {
  const { config, bot, logger, posters } = options;
  const clock = options.clock ?? (() => new Date());
  const staticChannels = parseDailyChannels(config.dailyChannels);
  const store = openDailyStore(config.databasePath);
  const defaultTimeZone = config.dailyDefaultTimeZone;
  return {
    store,
    ask: createDailyAsk({ bot, store, posters, defaultTimeZone, clock }),
    scheduler: createDailyScheduler({
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
