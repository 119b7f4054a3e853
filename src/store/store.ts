import { MISS_TEXT_MAX } from '../core/miss-text.js';
import type { DailyPlatform } from '../daily/poster.js';
import type { Delivery, DeliveryRef, Subscription, SubscriptionInput } from '../daily/subscription.js';
import type { QuizStore } from './quiz-store.js';
import type { ReviewStore } from './review-store.js';

export type { Delivery, DeliveryRef, Subscription, SubscriptionInput };

export interface ClaimOptions {
  readonly owner: string;
  /** A claim older than this (by the database's clock), not sent, may be taken over. */
  readonly staleAfterMs: number;
  /** A delivery with this many attempts is not claimed again. */
  readonly maxAttempts?: number;
  /**
   * Moves the subscription's `nextRunAt` from `from` to `to` in the same transaction, whether the
   * claim is won or not (a lost claim belongs to another process; stale ones come back through
   * `staleDeliveries`). Skipped if `nextRunAt` is no longer `from` (the subscription changed).
   */
  readonly advance?: { readonly from: Date; readonly to: Date };
}

/** An enabled subscription whose `nextRunAt` has come. */
export interface DueSubscription extends Subscription {
  /** When the scheduler should look at it next; 0 (the epoch) after any change: look at once. */
  readonly nextRunAt: Date;
}

/** Where the previous page of `dueSubscriptions` ended. */
export type DueCursor = Pick<DueSubscription, 'nextRunAt' | 'platform' | 'channelId'>;

/** An unsent claim or failure whose claim is stale, with its (enabled) subscription. */
export interface StaleDelivery {
  readonly delivery: Delivery;
  readonly subscription: Subscription;
}

/** A store's database connections: a pg Pool's counts, or SQLite's one connection. */
export interface PoolUse {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** One distinct query that found nothing, counted. No user IDs, no channel IDs. */
export interface Miss {
  readonly text: string;
  readonly count: number;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
}

/** How often a pattern was shown for a question, over a span of UTC days. */
export interface AskedPattern {
  readonly slug: string;
  readonly count: number;
  /** The first and last UTC day (YYYY-MM-DD) it was asked for in the span. */
  readonly firstDay: string;
  readonly lastDay: string;
}

/**
 * Everything the bot keeps, behind one async interface with two backends: SQLite (embedded, the
 * default; `src/store/sqlite.ts`) and PostgreSQL (`DATABASE_URL`; `src/store/postgres.ts`). Every
 * exactly-once guarantee comes from a unique key in the database, never from process memory, so any
 * number of processes may share one database. Claim timeouts are judged by the database's clock.
 * Failures reject with `StorageError`. Room for more tables (quiz scores) comes from versioned
 * migrations per dialect.
 */
export interface Store extends ReviewStore, QuizStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Resolves once connected and migrated (every method waits for it); rejects with a StorageError. */
  ready(): Promise<void>;

  // --- subscriptions -------------------------------------------------------------------------
  /** Creates or replaces a channel's subscription, enabled; it is due to be looked at at once. */
  upsertSubscription(input: SubscriptionInput, now: Date): Promise<Subscription>;
  /** Creates the subscription only if the channel has none (any source, enabled or not). */
  insertSubscriptionIfMissing(input: SubscriptionInput, now: Date): Promise<boolean>;
  disableSubscription(
    platform: DailyPlatform,
    channelId: string,
    reason: string,
    now: Date,
  ): Promise<boolean>;
  deleteSubscription(platform: DailyPlatform, channelId: string): Promise<boolean>;
  getSubscription(platform: DailyPlatform, channelId: string): Promise<Subscription | undefined>;
  listSubscriptions(filter?: { enabled?: boolean; source?: Subscription['source'] }): Promise<Subscription[]>;
  /**
   * Enabled subscriptions of these platforms whose `nextRunAt` is at or before `now`, from an index,
   * in (nextRunAt, platform, channel) order, after `after`, at most `limit`.
   */
  dueSubscriptions(
    now: Date,
    options: { platforms: readonly DailyPlatform[]; limit: number; after?: DueCursor },
  ): Promise<DueSubscription[]>;
  /** Moves `nextRunAt` from `from` to `to`; false if it was no longer `from`. */
  setNextRun(platform: DailyPlatform, channelId: string, move: { from: Date; to: Date }): Promise<boolean>;

  // --- delivery claims -----------------------------------------------------------------------
  /**
   * Claims a delivery, atomically across processes: true if there was none, or the one there is
   * unsent and its claim older than `staleAfterMs` (a crashed owner, a failure cooling down).
   */
  claim(ref: DeliveryRef & { patternSlug: string }, options: ClaimOptions): Promise<boolean>;
  /** Counts an attempt and renews the claim; the new attempt count, or 0 if the claim was lost. */
  recordAttempt(ref: DeliveryRef, owner: string): Promise<number>;
  markSent(ref: DeliveryRef, owner: string, result: { messageId: string }): Promise<boolean>;
  /** Gives up for now: claimable again once the claim is stale. */
  markFailed(ref: DeliveryRef, owner: string, error: string): Promise<boolean>;
  /** Gives the claim back so it can be claimed again at once (shutdown). */
  release(ref: DeliveryRef, owner: string, reason: string): Promise<boolean>;
  getDelivery(ref: DeliveryRef): Promise<Delivery | undefined>;
  listDeliveries(): Promise<Delivery[]>;
  /** Unsent deliveries on or after `sinceDate` whose claim is stale, oldest claim first. */
  staleDeliveries(options: {
    staleAfterMs: number;
    maxAttempts: number;
    sinceDate: string;
    limit: number;
  }): Promise<StaleDelivery[]>;
  /** Deletes deliveries whose local date is before `beforeDate` (YYYY-MM-DD); how many. */
  pruneDeliveries(beforeDate: string): Promise<number>;

  // --- Slack event dedupe --------------------------------------------------------------------
  /**
   * Records an event id for `ttlMs`: true if it is new (or its earlier record expired), so the caller
   * handles it; false if another delivery of it (a retry, another replica) was recorded first.
   * Atomic across processes.
   */
  seenEvent(id: string, ttlMs: number): Promise<boolean>;
  /** Deletes expired event ids; how many. */
  pruneEvents(): Promise<number>;

  // --- miss log ------------------------------------------------------------------------------
  /** Counts a query that found nothing (already normalised; never a user ID). */
  recordMiss(normalisedText: string, now: Date): Promise<void>;
  /** Misses last seen at or after `since`, most frequent first. */
  listMisses(options: { since: Date; limit: number }): Promise<Miss[]>;
  /** Deletes misses last seen before `before`; how many. */
  pruneMisses(before: Date): Promise<number>;

  // --- most asked patterns -------------------------------------------------------------------
  /** Counts a pattern shown for a question, under its slug and the UTC day of `now`. */
  recordAsk(slug: string, now: Date): Promise<void>;
  /** Patterns asked for on the UTC day of `since` or later, most asked first. */
  listAsked(options: { since: Date; limit: number }): Promise<AskedPattern[]>;
  /** Deletes the counts of UTC days before the day of `before`; how many rows. */
  pruneAsks(before: Date): Promise<number>;

  /** The connections now (for the metrics; read on every scrape, so it costs nothing). */
  poolUse(): PoolUse;

  close(): Promise<void>;
}

/** Text longer than this is not kept in the miss log (the conversation's `missText` caps it already). */
export const MAX_MISS_TEXT = MISS_TEXT_MAX;

/** The UTC day (YYYY-MM-DD) of a time: the key the counts of asked patterns are kept under. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);
