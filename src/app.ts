import { createDiscordDailyPoster } from './adapters/discord/daily-poster.js';
import { createDiscordService, type DiscordServiceOptions } from './adapters/discord/discord-client.js';
import { createSlackDailyPoster } from './adapters/slack/daily-poster.js';
import { createSlackService, type SlackServiceOptions } from './adapters/slack/slack-app.js';
import { type Ask, createAsk } from './ask.js';
import type { Config } from './config.js';
import type { Bot } from './core/bot.js';
import { createDaily, type Daily } from './daily/create-daily.js';
import type { DailyPoster } from './daily/poster.js';
import type { Logger } from './logger.js';
import { healthReport, type Service } from './service.js';

export interface AppOptions {
  readonly config: Config;
  readonly bot: Bot;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Test seams: Web API retries, ack budget, scheduler tick and retries. */
  readonly slack?: Pick<SlackServiceOptions, 'retryConfig' | 'ackBudgetMs'>;
  readonly discord?: Pick<DiscordServiceOptions, 'deferAfterMs'>;
  readonly daily?: Parameters<typeof createDaily>[0]['scheduler'];
}

export interface App {
  /** In start order: the platform adapters, then the daily scheduler. */
  readonly services: readonly Service[];
  /** What the adapters call: `daily …` to the daily engine, everything else to the core. */
  readonly ask: Ask;
  readonly daily: Daily | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The composition root's wiring: the adapters the config turns on, and the daily engine over their posters. */
export function createApp(options: AppOptions): App {
  const { config, bot, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const services: Service[] = [];
  const posters: DailyPoster[] = [];
  let daily: Daily | undefined;
  const coreAsk = createAsk(bot, config.dailyDefaultTimeZone, clock);
  // The adapters are built before the daily engine (it needs their posters), so they get this late-bound ask.
  const ask: Ask = (text, context) => (daily ? daily.ask(text, context) : coreAsk(text, context));

  if (config.slack) {
    const slack = createSlackService({
      config: config.slack,
      port: config.port,
      host: config.host,
      ask,
      bot,
      logger,
      health: () => healthReport(services),
      adminsOnlyForDaily: config.dailySlackAdminsOnly,
      ...options.slack,
    });
    services.push(slack);
    posters.push(createSlackDailyPoster(slack, logger));
  }
  if (config.discord) {
    const discord = createDiscordService({ config: config.discord, ask, bot, logger, ...options.discord });
    services.push(discord);
    posters.push(createDiscordDailyPoster(discord, logger));
  }
  if (posters.length > 0) {
    daily = createDaily({
      config,
      bot,
      logger,
      posters,
      clock,
      ...(options.daily ? { scheduler: options.daily } : {}),
    });
    services.push(daily.scheduler);
  }

  return {
    services,
    ask,
    daily,
    async start() {
      for (const service of services) await service.start();
    },
    async stop() {
      for (const service of [...services].reverse()) {
        try {
          await service.stop();
        } catch (error) {
          logger.warn(
            { service: service.name, err: error instanceof Error ? error.message : String(error) },
            'stop failed',
          );
        }
      }
      daily?.store.close();
    },
  };
}
