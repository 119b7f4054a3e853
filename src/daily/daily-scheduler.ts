import { Cron } from 'croner';
import type { Bot } from '../core/bot.js';
import { answerToCard, dailyThread } from '../core/card/answer-to-card.js';
import { DEFAULT_DAILY_TIME } from '../core/daily/daily-command.js';
import type { Logger } from '../logger.js';
import type { Service, ServiceHealth } from '../service.js';
import {
  abortableSleep,
  attemptDelivery,
  DEFAULT_RETRY,
  type DeliveryJob,
  type RetryPolicy,
} from './attempt-delivery.js';
import { type DailyPoster, deliveryKey } from './poster.js';
import { isDue } from './schedule.js';
import { type StaticChannel, syncStaticChannels } from './static-channels.js';
import type { DailyStore } from './store.js';
import type { Subscription } from './subscription.js';

export interface DailySchedulerOptions {
  readonly store: DailyStore;
  readonly posters: readonly DailyPoster[];
  readonly bot: Pick<Bot, 'todayAnswer'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Who claims, in logs and the deliveries table: unique per process (host and pid). */
  readonly owner: string;
  /** An unsent claim older than this is presumed orphaned by a crash and is taken over. */
  readonly staleClaimMs?: number;
  readonly retry?: RetryPolicy;
  /** A day's delivery is not claimed again after this many attempts in all. */
  readonly maxAttemptsPerDay?: number;
  /** Croner pattern of the tick; null for none (tests call `tick()`). */
  readonly tickPattern?: string | null;
  /** Resolves true after `ms`, or false as soon as `signal` aborts (on stop). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<boolean>;
  /** `DAILY_CHANNELS`, made subscriptions at start with the default time and zone. */
  readonly staticChannels?: readonly StaticChannel[];
  readonly defaultTimeZone?: string;
  /** How long `stop()` waits for posts in flight; their claims then go stale and are taken up later. */
  readonly stopTimeoutMs?: number;
}

export interface DailyScheduler extends Service {
  /** Scans once and waits for the deliveries this scan started. */
  tick(): Promise<void>;
  /** Waits until no delivery is in flight. */
  idle(): Promise<void>;
}

export const DEFAULT_STALE_CLAIM_MS = 120_000;

/**
 * The pattern-of-the-day engine. Every tick (each minute, and once at start to catch up) it reads
 * the subscriptions from the database, so it also delivers those made through another process;
 * claims each one due today in its zone under (platform, channel, local date); and posts it. Each
 * delivery runs on its own, so a slow or failing channel never holds up the others.
 */
export function createDailyScheduler(options: DailySchedulerOptions): DailyScheduler {
  const { store, clock, owner } = options;
  const logger = options.logger.child({ service: 'daily' });
  const staleAfterMs = options.staleClaimMs ?? DEFAULT_STALE_CLAIM_MS;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const maxAttempts = options.maxAttemptsPerDay ?? retry.attempts * 5;
  const sleep = options.sleep ?? abortableSleep;
  const posters = new Map(options.posters.map((poster) => [poster.platform, poster]));
  const inflight = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  let job: Cron | undefined;
  let lastTickAt: Date | undefined;
  let lastTickError: string | undefined;
  const deliveryContext = {
    store,
    clock,
    owner,
    logger,
    retry,
    staleAfterMs,
    sleep,
    signal: stopping.signal,
  };

  function deliver(task: DeliveryJob) {
    const { ref, key } = task;
    const delivery = attemptDelivery(task, deliveryContext)
      .catch((error: unknown) => logger.error({ ...ref, err: error }, 'daily post: unexpected error'))
      .finally(() => inflight.delete(key));
    inflight.set(key, delivery);
    return delivery;
  }

  function startDue(subscription: Subscription, now: Date): Promise<void> | undefined {
    const poster = posters.get(subscription.platform);
    const plan = poster && isDue(subscription, now);
    if (!poster || !plan) return undefined;
    const ref = {
      platform: subscription.platform,
      channelId: subscription.channelId,
      localDate: plan.localDate,
    };
    const key = deliveryKey(ref.platform, ref.channelId, ref.localDate);
    if (inflight.has(key)) return undefined;
    const answer = options.bot.todayAnswer(plan.localDate);
    const claimed = store.claim(
      { ...ref, patternSlug: answer.pattern.slug },
      { owner, now, staleAfterMs, maxAttempts },
    );
    if (!claimed) return undefined;
    return deliver({
      poster,
      ref,
      key,
      patternSlug: answer.pattern.slug,
      card: answerToCard(answer),
      ...(subscription.thread ? { thread: dailyThread(answer) } : {}),
    });
  }

  /** Claims what is due and starts it; returns the deliveries started. Never throws. */
  function scan(): Promise<void>[] {
    const started: Promise<void>[] = [];
    try {
      const now = clock();
      for (const subscription of store.listSubscriptions({ enabled: true })) {
        try {
          const delivery = startDue(subscription, now);
          if (delivery) started.push(delivery);
        } catch (error) {
          const { platform, channelId } = subscription;
          logger.error({ platform, channelId, err: error }, 'daily: could not check a subscription');
        }
      }
      lastTickAt = now;
      lastTickError = undefined;
    } catch (error) {
      lastTickError = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, 'daily: tick failed');
    }
    return started;
  }

  const idle = async () => {
    while (inflight.size > 0) await Promise.allSettled([...inflight.values()]);
  };

  return {
    name: 'daily',
    async start() {
      if (state !== 'idle') throw new Error(`the daily scheduler cannot start when ${state}`);
      if (options.staticChannels) {
        const synced = syncStaticChannels(store, options.staticChannels, {
          time: DEFAULT_DAILY_TIME,
          timeZone: options.defaultTimeZone ?? 'UTC',
          now: clock(),
        });
        logger.info(synced, 'daily: DAILY_CHANNELS synced');
      }
      state = 'running';
      scan(); // catch up what is due today and was not sent; deliveries carry on in the background
      const pattern = options.tickPattern === undefined ? '* * * * *' : options.tickPattern;
      if (pattern !== null) {
        job = new Cron(pattern, { protect: true }, () => {
          scan();
        });
      }
      logger.info({ owner, posters: [...posters.keys()] }, 'daily scheduler started');
    },
    async stop() {
      job?.stop();
      stopping.abort();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.stopTimeoutMs ?? 10_000);
      });
      if ((await Promise.race([idle(), timeout])) === 'timeout') {
        logger.warn({ inFlight: inflight.size }, 'daily scheduler stopped with posts still in flight');
      }
      clearTimeout(timer);
      state = 'stopped';
    },
    health(): ServiceHealth {
      return {
        ok: state === 'running' && lastTickError === undefined,
        state,
        lastTickAt: lastTickAt?.toISOString(),
        inFlight: inflight.size,
        ...(lastTickError ? { lastTickError } : {}),
      };
    },
    async tick() {
      await Promise.allSettled(scan());
    },
    idle,
  };
}
