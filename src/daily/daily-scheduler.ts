import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Cron } from 'croner';
import { DEFAULT_USAGE_DAYS } from '../conversation/usage-log.js';
import type { Bot } from '../core/bot.js';
import { answerToCard, dailyThread, withDiagram } from '../core/card/answer-to-card.js';
import type { Card } from '../core/card/card.js';
import { DEFAULT_DAILY_TIME } from '../core/daily/daily-command.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Service, ServiceHealth } from '../service.js';
import type { DueCursor, DueSubscription } from '../store/store.js';
import {
  abortableSleep,
  attemptDelivery,
  DEFAULT_RETRY,
  type DeliveryJob,
  type RetryPolicy,
  releaseClaim,
} from './attempt-delivery.js';
import type { DailyQuiz } from './daily-quiz.js';
import { createLimiter } from './limiter.js';
import { paced } from './paced.js';
import { type DailyPoster, deliveryKey } from './poster.js';
import { addDays, isDue, nextPostAt } from './schedule.js';
import { type StaticChannel, syncStaticChannels } from './static-channels.js';
import type { DailyStore } from './store.js';
import type { Delivery, DeliveryRef, Subscription } from './subscription.js';

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
  /** Posts in flight at once (default 16). */
  readonly concurrency?: number;
  /**
   * Posts started a second, per platform (default: unpaced). Paced, a tick of thousands of channels
   * keeps the event loop free for the people asking meanwhile, and stays inside the platforms' limits
   * (Slack: about one message a second per channel, with a workspace-wide limit; Discord: 50
   * requests a second per bot). The app passes `DAILY_POSTS_PER_SECOND`.
   */
  readonly postsPerSecond?: number;
  /** Due subscriptions read per query (default 256). */
  readonly pageSize?: number;
  /** Deliveries older than this many days are deleted (default 30). */
  readonly retentionDays?: number;
  /** The miss log and the counts of asked patterns are kept this many days (MISS_LOG_DAYS, default 30). */
  readonly missRetentionDays?: number;
  /** Croner pattern of the tick; null for none (tests call `tick()`). */
  readonly tickPattern?: string | null;
  /** Resolves true after `ms`, or false as soon as `signal` aborts (on stop). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<boolean>;
  /** `DAILY_CHANNELS`, made subscriptions at start with the default time and zone. */
  readonly staticChannels?: readonly StaticChannel[];
  readonly defaultTimeZone?: string;
  readonly metrics?: Pick<Metrics, 'observeDelivery' | 'observeLatency' | 'observeTakeover'>;
  /**
   * How long `stop()` waits for posts in flight (default 5 s, so that the process stops within its
   * 10 s); the claims of those still in flight are then given back for another process to take at once.
   */
  readonly stopTimeoutMs?: number;
  /** The question of the day, for subscriptions with `quiz` on. */
  readonly quiz?: DailyQuiz;
}

/** A delivery, and the question of the day it ends with, if any. */
type Job = DeliveryJob & { readonly asked?: { readonly questionId: string; readonly round: string } };

export interface DailyScheduler extends Service {
  /** Scans once and waits for the deliveries this scan started. */
  tick(): Promise<void>;
  /** Waits until no delivery is in flight. */
  idle(): Promise<void>;
}

export const DEFAULT_STALE_CLAIM_MS = 120_000;
export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_STOP_TIMEOUT_MS = 5_000;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const YIELD_EVERY = 32;

/** Where to look next when nothing is scheduled within two weeks (cannot happen with a weekday set). */
const fallbackNext = (now: Date) => new Date(now.getTime() + DAY_MS);

/**
 * The pattern-of-the-day engine. Every tick (each minute, and once at start to catch up) it reads
 * the subscriptions that are due from the database's index on `next_run_at` (so it also delivers
 * those made through another process), claims each one due today in its zone under (platform,
 * channel, local date) and moves its `next_run_at` on in the same transaction, and posts it, at
 * most `concurrency` at a time. Unsent claims that went stale (a crashed process, failures cooling
 * down) come back through their own index. A slow or failing channel never holds up the others,
 * and no step waits on the database synchronously.
 */
export function createDailyScheduler(options: DailySchedulerOptions): DailyScheduler {
  const { store, clock, owner } = options;
  const logger = options.logger.child({ service: 'daily' });
  const staleAfterMs = options.staleClaimMs ?? DEFAULT_STALE_CLAIM_MS;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const maxAttempts = options.maxAttemptsPerDay ?? retry.attempts * 5;
  const pageSize = options.pageSize ?? 256;
  const sleep = options.sleep ?? abortableSleep;
  const stopping = new AbortController();
  const posters = new Map(
    options.posters.map((poster) => [
      poster.platform,
      paced(poster, options.postsPerSecond, stopping.signal),
    ]),
  );
  const platforms = [...posters.keys()];
  const limiter = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const inflight = new Map<string, Promise<void>>();
  /** Claims this process holds now, by delivery key: given back if a stop times out. */
  const held = new Map<string, DeliveryRef>();
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  let job: Cron | undefined;
  let lastTickAt: Date | undefined;
  let lastTickError: string | undefined;
  let lastPruneAt = Number.NEGATIVE_INFINITY;
  /** Scans under way: `idle()` waits for them, then for what they started. */
  const scans = new Set<Promise<Promise<void>[]>>();
  const deliveryContext = {
    store,
    clock,
    owner,
    logger,
    retry,
    staleAfterMs,
    sleep,
    signal: stopping.signal,
    limit: limiter.run,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };

  /** The day's card (with and without its diagram) and thread, made once per date (every channel gets the same). */
  const cards = new Map<
    string,
    Pick<DeliveryJob, 'patternSlug' | 'card'> & { withDiagram: Card; thread: DeliveryJob['thread'] }
  >();
  function cardsOf(localDate: string) {
    let made = cards.get(localDate);
    if (!made) {
      if (cards.size > 3) cards.clear();
      const answer = options.bot.todayAnswer(localDate);
      const card = answerToCard(answer);
      made = {
        patternSlug: answer.pattern.slug,
        card,
        withDiagram: withDiagram(card, answer),
        thread: dailyThread(answer),
      };
      cards.set(localDate, made);
    }
    return made;
  }

  function buildJob(subscription: Subscription, localDate: string): Job | undefined {
    const poster = posters.get(subscription.platform);
    if (!poster) return undefined;
    const { patternSlug, card, withDiagram: pictured, thread } = cardsOf(localDate);
    const ref = { platform: subscription.platform, channelId: subscription.channelId, localDate };
    const base = subscription.diagram ? pictured : card;
    const asked = subscription.quiz ? options.quiz?.withQuestion(base, patternSlug, ref) : undefined;
    return {
      poster,
      ref,
      key: deliveryKey(subscription.platform, subscription.channelId, localDate),
      patternSlug,
      card: asked?.card ?? base,
      ...(subscription.thread && thread ? { thread } : {}),
      ...(asked ? { asked } : {}),
    };
  }

  /** Sends a claimed delivery; a question of the day in it gets its answer scheduled for the thread. */
  async function deliver(task: Job, next: Date): Promise<void> {
    await deliverClaimed(task);
    const { asked, ref } = task;
    if (!asked || !options.quiz) return;
    const sent = await store.getDelivery(ref);
    if (sent?.status !== 'sent' || !sent.messageId) return;
    const { revealAfterMs } = options.quiz;
    await store.scheduleQuizReveal({
      ...ref,
      questionId: asked.questionId,
      round: asked.round,
      messageId: sent.messageId,
      revealAt:
        revealAfterMs === undefined ? next : new Date((sent.sentAt ?? clock()).getTime() + revealAfterMs),
    });
  }

  /** Posts the answers to questions of the day that are due, each claimed once. */
  async function reveal(now: Date): Promise<void> {
    if (!options.quiz) return;
    for (const due of await store.claimQuizReveals(now, pageSize)) {
      const poster = posters.get(due.platform);
      const card = await options.quiz.revealCard(due);
      if (!poster?.reply || !card) continue;
      await limiter
        .run(() => poster.reply?.(due.channelId, due.messageId, card) ?? Promise.resolve())
        .catch((error: unknown) =>
          logger.warn(
            { platform: due.platform, channelId: due.channelId, err: String(error) },
            'daily: could not post the answer to the question of the day',
          ),
        );
    }
  }

  /** Tracks a delivery from its claim to its end; errors are logged, never thrown. */
  function track(key: string, ref: object, work: () => Promise<void>): Promise<void> {
    const delivery = work()
      .catch((error: unknown) =>
        logger.error(
          { ...ref, err: error instanceof Error ? error.message : String(error) },
          'daily post: unexpected error',
        ),
      )
      .finally(() => inflight.delete(key));
    inflight.set(key, delivery);
    return delivery;
  }

  /** Sends a delivery this process has claimed, holding the claim (for `stop`) until it ends. */
  async function deliverClaimed(task: DeliveryJob): Promise<void> {
    held.set(task.key, task.ref);
    try {
      await attemptDelivery(task, deliveryContext);
    } finally {
      held.delete(task.key);
    }
  }

  /** A due subscription: claim today's post (moving `next_run_at` on) and send it, or just move on. */
  function startDue(subscription: DueSubscription, now: Date): Promise<void> {
    const { platform, channelId } = subscription;
    const plan = isDue(subscription, now);
    const next = nextPostAt(subscription, now) ?? fallbackNext(now);
    const advance = { from: subscription.nextRunAt, to: next };
    const task = plan && buildJob(subscription, plan.localDate);
    if (!task || inflight.has(task.key)) {
      return limiter
        .run(() => store.setNextRun(platform, channelId, advance))
        .then(
          () => undefined,
          (error: unknown) =>
            logger.warn({ platform, channelId, err: String(error) }, 'daily: could not move next run'),
        );
    }
    return track(task.key, task.ref, async () => {
      const claimed = await limiter.run(() =>
        store.claim(
          { ...task.ref, patternSlug: task.patternSlug },
          { owner, staleAfterMs, maxAttempts, advance },
        ),
      );
      if (claimed) await deliver(task, next);
    });
  }

  /** A stale claim: take it over if it is still today's post of an enabled subscription. */
  function resume(delivery: Delivery, subscription: Subscription, now: Date): Promise<void> | undefined {
    const plan = isDue(subscription, now);
    if (!plan || plan.localDate !== delivery.localDate) return undefined;
    const task = buildJob(subscription, plan.localDate);
    if (!task || inflight.has(task.key)) return undefined;
    return track(task.key, task.ref, async () => {
      const claimed = await limiter.run(() =>
        store.claim({ ...task.ref, patternSlug: task.patternSlug }, { owner, staleAfterMs, maxAttempts }),
      );
      if (!claimed) return;
      // Another owner's unsent claim (not a failure cooling down, not one given back): a takeover.
      if (delivery.status === 'claimed' && delivery.claimOwner && delivery.claimOwner !== owner)
        options.metrics?.observeTakeover(delivery.platform);
      await deliver(task, nextPostAt(subscription, now) ?? fallbackNext(now));
    });
  }

  async function prune(now: Date): Promise<void> {
    if (now.getTime() - lastPruneAt < PRUNE_EVERY_MS) return;
    lastPruneAt = now.getTime();
    const today = now.toISOString().slice(0, 10);
    const deliveries = await store.pruneDeliveries(
      addDays(today, -(options.retentionDays ?? DEFAULT_RETENTION_DAYS)),
    );
    const events = await store.pruneEvents();
    const usageBefore = new Date(now.getTime() - (options.missRetentionDays ?? DEFAULT_USAGE_DAYS) * DAY_MS);
    const misses = await store.pruneMisses(usageBefore);
    const asks = await store.pruneAsks(usageBefore);
    if (deliveries + events + misses + asks > 0)
      logger.info({ deliveries, events, misses, asks }, 'daily: pruned old rows');
  }

  /** Claims what is due and starts it, a bounded number at a time; resolves with what it started. */
  function scan(): Promise<Promise<void>[]> {
    const scanning = scanOnce().finally(() => scans.delete(scanning));
    scans.add(scanning);
    return scanning;
  }

  async function scanOnce(): Promise<Promise<void>[]> {
    const started: Promise<void>[] = [];
    const now = clock();
    try {
      let after: DueCursor | undefined;
      for (;;) {
        const page = await store.dueSubscriptions(now, { platforms, limit: pageSize, after });
        for (const [i, subscription] of page.entries()) {
          if (stopping.signal.aborted) return started;
          // Free slots resolve as microtasks: yield now and then so timers and I/O run in between.
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
          await limiter.free();
          started.push(startDue(subscription, now));
        }
        if (page.length < pageSize) break;
        after = page.at(-1);
      }
      const stale = await store.staleDeliveries({
        staleAfterMs,
        maxAttempts,
        sinceDate: addDays(now.toISOString().slice(0, 10), -1),
        limit: pageSize,
      });
      for (const { delivery, subscription } of stale) {
        if (stopping.signal.aborted) return started;
        await limiter.free();
        const resumed = resume(delivery, subscription, now);
        if (resumed) started.push(resumed);
      }
      await reveal(now);
      await prune(now);
      lastTickAt = now;
      lastTickError = undefined;
    } catch (error) {
      lastTickError = error instanceof Error ? error.message : String(error);
      logger.error({ err: lastTickError }, 'daily: tick failed');
    }
    return started;
  }

  const idle = async () => {
    while (scans.size > 0 || inflight.size > 0) {
      await Promise.allSettled([...scans, ...inflight.values()]);
    }
  };

  return {
    name: 'daily',
    async start() {
      if (state !== 'idle') throw new Error(`the daily scheduler cannot start when ${state}`);
      if (options.staticChannels) {
        const synced = await syncStaticChannels(store, options.staticChannels, {
          time: DEFAULT_DAILY_TIME,
          timeZone: options.defaultTimeZone ?? 'UTC',
          now: clock(),
        });
        logger.info(synced, 'daily: DAILY_CHANNELS synced');
      }
      state = 'running';
      void scan(); // catch up what is due today and was not sent; deliveries carry on in the background
      const pattern = options.tickPattern === undefined ? '* * * * *' : options.tickPattern;
      if (pattern !== null) {
        job = new Cron(pattern, { protect: true }, async () => {
          await scan();
        });
      }
      logger.info({ owner, posters: platforms }, 'daily scheduler started');
    },
    async stop() {
      job?.stop();
      stopping.abort();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
      });
      if ((await Promise.race([idle(), timeout])) === 'timeout') {
        // A post still on its way may yet arrive: the next owner is told it may have been sent before.
        const refs = [...held.values()];
        logger.warn(
          { inFlight: inflight.size, released: refs.length },
          'daily scheduler stopped with posts still in flight; their claims given back',
        );
        await Promise.all(
          refs.map((ref) => releaseClaim({ store, owner, logger }, ref, 'stopped while posting')),
        );
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
      await Promise.allSettled(await scan());
    },
    idle,
  };
}
