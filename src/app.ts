import { createDiscordService, type DiscordServiceOptions } from './adapters/discord/discord-client.js';
import { createSlackService, type SlackServiceOptions } from './adapters/slack/slack-app.js';
import type { Config } from './config.js';
import { createConversation } from './conversation/create-conversation.js';
import type { Conversation } from './conversation/types.js';
import { createUsageLog, type UsageLog } from './conversation/usage-log.js';
import type { Bot } from './core/bot.js';
import { createDaily, type Daily } from './daily/create-daily.js';
import type { DailyPlatform, DailyPoster } from './daily/poster.js';
import type { DiagramImages } from './diagrams/diagram-images.js';
import type { Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createQuiz } from './quiz/create-quiz.js';
import { createReview, type Review } from './review/create-review.js';
import type { ReviewScheduler } from './review/review-scheduler.js';
import type { ReviewSender } from './review/review-sender.js';
import { type HealthReport, healthReport, type Service, StartupError, withinStartup } from './service.js';
import type { Store } from './store/store.js';

/** The variable that points each platform's client at its API. */
const API_URL_VARIABLE: Readonly<Record<string, string>> = {
  slack: 'SLACK_API_URL',
  discord: 'DISCORD_API_URL',
};
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/** A start-up failure as one line naming the service and, for a network failure, the variable to check. */
function startupCause(error: unknown, service: string | undefined): unknown {
  if (error instanceof StartupError || !(error instanceof Error) || !service) return error;
  const code =
    (error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException | undefined)?.code;
  const variable = API_URL_VARIABLE[service];
  return code && NETWORK_CODES.has(code) && variable
    ? new StartupError(`${service} could not reach its API (${code}): check ${variable} and the network`, {
        cause: error,
      })
    : new StartupError(`${service} failed to start: ${error.message}`, { cause: error });
}

/** The longest any one service may take to start (each bounds its own waits more tightly where it can). */
const SERVICE_START_WITHIN_MS = 30_000;

export interface AppOptions {
  readonly config: Config;
  readonly bot: Bot;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Test seams: Web API retries, ack budget, scheduler tick and retries. */
  readonly slack?: Pick<SlackServiceOptions, 'retryConfig' | 'ackBudgetMs'>;
  readonly discord?: Pick<DiscordServiceOptions, 'deferAfterMs' | 'onFatal'>;
  readonly daily?: Parameters<typeof createDaily>[0]['scheduler'];
  /** Test seam: the review scheduler's tick (null: none; tests call `tick()`). */
  readonly review?: Parameters<typeof createReview>[0]['scheduler'];
  /** Cards remembered by text (default 500; 0: none). */
  readonly cacheSize?: number;
  /** The metrics registry (tests give their own; default: a new one). */
  readonly metrics?: Metrics;
  /** The store, opened by main (`openStore`) so a storage fault is one line at start-up; else the config's. */
  readonly store?: Store;
  /** The diagrams drawn so far (main draws them after start): attached, uploaded or served by the adapters. */
  readonly diagrams?: DiagramImages;
}

export interface App {
  /** In start order: the platform adapters, then the daily and review schedulers. */
  readonly services: readonly Service[];
  /** The process's health: every service's, and whether it is draining for shutdown. */
  health(): HealthReport;
  /** The Prometheus metrics of this process (served at `/metrics`). */
  readonly metrics: Metrics;
  readonly conversation: Conversation;
  readonly daily: Daily | undefined;
  readonly review: Review | undefined;
  /** The review scheduler, when review is on (tests tick it). */
  readonly reviewScheduler: ReviewScheduler | undefined;
  /** The miss log and asked counts; undefined when MISS_LOG=off or there is no store. */
  readonly usage: UsageLog | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root's wiring, in one direction: catalog and core (given) → store → conversation
 * → adapters → scheduler. Nothing is late-bound: each piece gets what exists before it.
 */
export function createApp(options: AppOptions): App {
  const { config, bot, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const metrics = options.metrics ?? createMetrics();
  const platforms: DailyPlatform[] = [
    ...(config.slack ? (['slack'] as const) : []),
    ...(config.discord ? (['discord'] as const) : []),
  ];
  const daily =
    platforms.length > 0
      ? createDaily({
          config,
          platforms,
          bot,
          logger,
          clock,
          ...(options.store ? { store: options.store } : {}),
          metrics,
          ...(options.daily ? { scheduler: options.daily } : {}),
        })
      : undefined;
  // Spaced review shares the daily engine's store and, like it, needs a platform that can send.
  const review = daily
    ? createReview({
        store: daily.store,
        bot,
        logger,
        clock,
        ...(options.review ? { scheduler: options.review } : {}),
      })
    : undefined;
  const store = options.store ?? daily?.store;
  if (store) metrics.watchPool(() => store.poolUse());
  const usage =
    config.missLog && store ? createUsageLog({ store, logger, clock, days: config.missLogDays }) : undefined;
  const quiz = store
    ? createQuiz({
        bot,
        store,
        clock,
        defaultTimeZone: config.dailyDefaultTimeZone,
        leaderboard: config.quizLeaderboard,
        ...(daily
          ? {
              timeZoneOf: (platform, channelId) =>
                platform === 'console'
                  ? Promise.resolve(undefined)
                  : daily.commands.timeZoneOf(platform, channelId),
            }
          : {}),
      })
    : undefined;
  const conversation = createConversation({
    bot,
    logger,
    metrics,
    clock,
    ...(usage ? { usage } : {}),
    defaultTimeZone: config.dailyDefaultTimeZone,
    ...(daily ? { daily: daily.commands } : {}),
    ...(review ? { review: review.commands } : {}),
    ...(quiz ? { quiz } : {}),
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
  });

  const services: Service[] = [];
  const posters: DailyPoster[] = [];
  const reviewSenders: ReviewSender[] = [];
  let draining = false;
  const health = (): HealthReport => ({ ...healthReport(services), ...(draining ? { draining } : {}) });
  if (config.slack) {
    const slack = createSlackService({
      config: config.slack,
      port: config.port,
      host: config.host,
      conversation,
      logger,
      health,
      adminsOnlyForDaily: config.dailySlackAdminsOnly,
      metrics,
      ...(daily ? { seenEvent: (id: string, ttlMs: number) => daily.store.seenEvent(id, ttlMs) } : {}),
      ...(options.diagrams ? { diagrams: options.diagrams } : {}),
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      ...options.slack,
    });
    services.push(slack);
    posters.push(slack.poster);
    reviewSenders.push(slack.reviewSender);
  }
  if (config.discord) {
    const discord = createDiscordService({
      config: config.discord,
      conversation,
      logger,
      ...(options.diagrams ? { diagrams: options.diagrams } : {}),
      ...options.discord,
    });
    services.push(discord);
    posters.push(discord.poster);
    reviewSenders.push(discord.reviewSender);
  }
  if (daily) services.push(daily.scheduler(posters));
  const reviewScheduler = review?.scheduler(reviewSenders);
  if (reviewScheduler) services.push(reviewScheduler);

  return {
    services,
    health,
    metrics,
    conversation,
    daily,
    review,
    reviewScheduler,
    usage,
    async start() {
      // All or nothing: a service that fails to start stops the ones already started, and the error
      // goes up to main, which exits non-zero with one line naming the cause.
      const started: Service[] = [];
      try {
        for (const service of services) {
          await withinStartup(
            service.start(),
            SERVICE_START_WITHIN_MS,
            `${service.name} did not start within ${SERVICE_START_WITHIN_MS / 1000} s: check its API URL and network`,
          );
          started.push(service);
        }
      } catch (error) {
        for (const service of started.reverse()) await service.stop().catch(() => {});
        throw startupCause(error, services[started.length]?.name);
      }
    },
    async stop() {
      // Readiness goes first, so an orchestrator sends no new work while the services stop.
      draining = true;
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
      await usage?.settled();
      await daily?.store.close();
    },
  };
}
