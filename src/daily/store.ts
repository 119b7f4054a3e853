import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';
import type { DailyPlatform } from './poster.js';
import type {
  Delivery,
  DeliveryRef,
  DeliveryStatus,
  Subscription,
  SubscriptionInput,
  SubscriptionSchedule,
} from './subscription.js';

export interface ClaimOptions {
  readonly owner: string;
  readonly now: Date;
  /** A claim older than this, not sent, may be taken over (its owner is presumed dead). */
  readonly staleAfterMs: number;
  /** A delivery with this many attempts is not claimed again. */
  readonly maxAttempts?: number;
}

export interface DailyStore {
  /** Creates or replaces a channel's subscription, enabled. */
  upsertSubscription(input: SubscriptionInput, now: Date): Subscription;
  /** Creates the subscription only if the channel has none (any source, enabled or not). */
  insertSubscriptionIfMissing(input: SubscriptionInput, now: Date): boolean;
  disableSubscription(platform: DailyPlatform, channelId: string, reason: string, now: Date): boolean;
  deleteSubscription(platform: DailyPlatform, channelId: string): boolean;
  getSubscription(platform: DailyPlatform, channelId: string): Subscription | undefined;
  listSubscriptions(filter?: { enabled?: boolean; source?: Subscription['source'] }): Subscription[];
  /**
   * Claims a delivery, atomically across processes: true if there was none, or the one there is
   * unsent and its claim older than `staleAfterMs` (a crashed owner, a failure cooling down).
   */
  claim(ref: DeliveryRef & { patternSlug: string }, options: ClaimOptions): boolean;
  /** Counts an attempt and renews the claim; the new attempt count, or 0 if the claim was lost. */
  recordAttempt(ref: DeliveryRef, owner: string, now: Date): number;
  markSent(ref: DeliveryRef, owner: string, result: { messageId: string; now: Date }): boolean;
  /** Gives up for now: claimable again once the claim is stale. */
  markFailed(ref: DeliveryRef, owner: string, error: string, now: Date): boolean;
  /** Gives the claim back so it can be claimed again at once (shutdown). */
  release(ref: DeliveryRef, owner: string, reason: string): boolean;
  getDelivery(ref: DeliveryRef): Delivery | undefined;
  listDeliveries(): Delivery[];
  close(): void;
}

export const BUSY_TIMEOUT_MS = 5000;

interface SubscriptionRow {
  platform: DailyPlatform;
  channel_id: string;
  workspace_id: string | null;
  time: string;
  time_zone: string;
  weekdays: number;
  enabled: number;
  disabled_reason: string | null;
  source: Subscription['source'];
  created_by: string | null;
  created_at: number;
  updated_at: number;
  active_since: number;
  thread: number;
}

interface DeliveryRow {
  platform: DailyPlatform;
  channel_id: string;
  local_date: string;
  pattern_slug: string;
  status: DeliveryStatus;
  claim_owner: string | null;
  claimed_at: number;
  attempts: number;
  sent_at: number | null;
  message_id: string | null;
  last_error: string | null;
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function rowToSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    workspaceId: orUndefined(row.workspace_id),
    time: row.time,
    timeZone: row.time_zone,
    weekdays: row.weekdays,
    enabled: row.enabled === 1,
    disabledReason: orUndefined(row.disabled_reason),
    source: row.source,
    createdBy: orUndefined(row.created_by),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    activeSince: new Date(row.active_since),
    thread: row.thread === 1,
  };
}

function rowToDelivery(row: DeliveryRow): Delivery {
  return {
    platform: row.platform,
    channelId: row.channel_id,
    localDate: row.local_date,
    patternSlug: row.pattern_slug,
    status: row.status,
    claimOwner: orUndefined(row.claim_owner),
    claimedAt: new Date(row.claimed_at),
    attempts: row.attempts,
    sentAt: row.sent_at === null ? undefined : new Date(row.sent_at),
    messageId: orUndefined(row.message_id),
    lastError: orUndefined(row.last_error),
  };
}

/** Opens (and on first use creates) the daily database: WAL, a busy timeout, the latest schema. */
export function openDailyStore(path: string): DailyStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);

  const subscriptionKey = 'platform = @platform AND channel_id = @channelId';
  const deliveryKey = 'platform = @platform AND channel_id = @channelId AND local_date = @localDate';
  const statements = {
    getSubscription: db.prepare<{ platform: string; channelId: string }, SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE ${subscriptionKey}`,
    ),
    listSubscriptions: db.prepare<[], SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY platform, channel_id',
    ),
    insertSubscription: db.prepare(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, time_zone, weekdays, enabled,
         disabled_reason, source, created_by, created_at, updated_at, active_since, thread)
       VALUES (@platform, @channelId, @workspaceId, @time, @timeZone, @weekdays, 1, NULL, @source,
         @createdBy, @now, @now, @now, @thread)
       ON CONFLICT (platform, channel_id) DO NOTHING`,
    ),
    updateSubscription: db.prepare(
      `UPDATE subscriptions SET workspace_id = @workspaceId, time = @time, time_zone = @timeZone,
         weekdays = @weekdays, thread = @thread, enabled = 1, disabled_reason = NULL, source = @source,
         created_by = @createdBy, updated_at = @now, active_since = @activeSince
       WHERE ${subscriptionKey}`,
    ),
    disableSubscription: db.prepare(
      `UPDATE subscriptions SET enabled = 0, disabled_reason = @reason, updated_at = @now
       WHERE ${subscriptionKey}`,
    ),
    deleteSubscription: db.prepare(`DELETE FROM subscriptions WHERE ${subscriptionKey}`),
    claim: db.prepare(
      `INSERT INTO deliveries (platform, channel_id, local_date, pattern_slug, status, claim_owner, claimed_at)
       VALUES (@platform, @channelId, @localDate, @patternSlug, 'claimed', @owner, @now)
       ON CONFLICT (platform, channel_id, local_date) DO UPDATE
         SET status = 'claimed', claim_owner = excluded.claim_owner, claimed_at = excluded.claimed_at,
             pattern_slug = excluded.pattern_slug
       WHERE deliveries.status IN ('claimed', 'failed') AND deliveries.claimed_at <= @staleBefore
         AND deliveries.attempts < @maxAttempts`,
    ),
    recordAttempt: db.prepare<Record<string, unknown>, { attempts: number }>(
      `UPDATE deliveries SET attempts = attempts + 1, claimed_at = @now
       WHERE ${deliveryKey} AND status = 'claimed' AND claim_owner = @owner
       RETURNING attempts`,
    ),
    markSent: db.prepare(
      `UPDATE deliveries SET status = 'sent', sent_at = @now, message_id = @messageId, last_error = NULL
       WHERE ${deliveryKey} AND status = 'claimed' AND claim_owner = @owner`,
    ),
    markFailed: db.prepare(
      `UPDATE deliveries SET status = 'failed', last_error = @error, claimed_at = @now
       WHERE ${deliveryKey} AND status = 'claimed' AND claim_owner = @owner`,
    ),
    release: db.prepare(
      `UPDATE deliveries SET status = 'failed', last_error = @reason, claimed_at = 0, claim_owner = NULL
       WHERE ${deliveryKey} AND status = 'claimed' AND claim_owner = @owner`,
    ),
    getDelivery: db.prepare<Record<string, unknown>, DeliveryRow>(
      `SELECT * FROM deliveries WHERE ${deliveryKey}`,
    ),
    listDeliveries: db.prepare<[], DeliveryRow>(
      'SELECT * FROM deliveries ORDER BY local_date, platform, channel_id',
    ),
  };

  const key = (ref: DeliveryRef) => ({
    platform: ref.platform,
    channelId: ref.channelId,
    localDate: ref.localDate,
  });
  const get = (platform: DailyPlatform, channelId: string) => {
    const row = statements.getSubscription.get({ platform, channelId });
    return row ? rowToSubscription(row) : undefined;
  };
  const params = (input: SubscriptionInput, now: Date) => ({
    platform: input.platform,
    channelId: input.channelId,
    workspaceId: input.workspaceId ?? null,
    time: input.time,
    timeZone: input.timeZone,
    weekdays: input.weekdays,
    thread: input.thread ? 1 : 0,
    source: input.source,
    createdBy: input.createdBy ?? null,
    now: now.getTime(),
  });
  const sameSchedule = (a: SubscriptionSchedule, b: SubscriptionSchedule) =>
    a.time === b.time && a.timeZone === b.timeZone && a.weekdays === b.weekdays;

  const upsert = db.transaction((input: SubscriptionInput, now: Date): Subscription => {
    const existing = get(input.platform, input.channelId);
    if (!existing) {
      statements.insertSubscription.run(params(input, now));
    } else {
      const unchanged = existing.enabled && sameSchedule(existing, input);
      statements.updateSubscription.run({
        ...params(input, now),
        activeSince: unchanged ? existing.activeSince.getTime() : now.getTime(),
      });
    }
    return get(input.platform, input.channelId) as Subscription;
  });

  return {
    upsertSubscription: (input, now) => upsert.immediate(input, now),
    insertSubscriptionIfMissing: (input, now) =>
      statements.insertSubscription.run(params(input, now)).changes === 1,
    disableSubscription: (platform, channelId, reason, now) =>
      statements.disableSubscription.run({ platform, channelId, reason, now: now.getTime() }).changes === 1,
    deleteSubscription: (platform, channelId) =>
      statements.deleteSubscription.run({ platform, channelId }).changes === 1,
    getSubscription: get,
    listSubscriptions: (filter = {}) =>
      statements.listSubscriptions
        .all()
        .map(rowToSubscription)
        .filter(
          (s) =>
            (filter.enabled === undefined || s.enabled === filter.enabled) &&
            (filter.source === undefined || s.source === filter.source),
        ),
    claim: (ref, options) =>
      statements.claim.run({
        ...key(ref),
        patternSlug: ref.patternSlug,
        owner: options.owner,
        now: options.now.getTime(),
        staleBefore: options.now.getTime() - options.staleAfterMs,
        maxAttempts: options.maxAttempts ?? Number.MAX_SAFE_INTEGER,
      }).changes === 1,
    recordAttempt: (ref, owner, now) =>
      statements.recordAttempt.get({ ...key(ref), owner, now: now.getTime() })?.attempts ?? 0,
    markSent: (ref, owner, { messageId, now }) =>
      statements.markSent.run({ ...key(ref), owner, messageId, now: now.getTime() }).changes === 1,
    markFailed: (ref, owner, error, now) =>
      statements.markFailed.run({ ...key(ref), owner, error, now: now.getTime() }).changes === 1,
    release: (ref, owner, reason) => statements.release.run({ ...key(ref), owner, reason }).changes === 1,
    getDelivery: (ref) => {
      const row = statements.getDelivery.get({ ...key(ref) });
      return row ? rowToDelivery(row) : undefined;
    },
    listDeliveries: () => statements.listDeliveries.all().map(rowToDelivery),
    close: () => db.close(),
  };
}
