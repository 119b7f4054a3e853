import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DailyPlatform } from './poster.js';

/** Every day of the week: bit 0 is Sunday … bit 6 is Saturday. */
export const EVERY_DAY = 0b111_1111;

export interface SubscriptionSchedule {
  /** 24-hour `HH:MM`, local to `timeZone`. */
  readonly time: string;
  /** IANA zone name. */
  readonly timeZone: string;
  /** Bitmask of weekdays: bit 0 Sunday … bit 6 Saturday. */
  readonly weekdays: number;
}

export interface SubscriptionInput extends SubscriptionSchedule {
  readonly platform: DailyPlatform;
  readonly channelId: string;
  readonly workspaceId?: string | undefined;
  readonly source: 'command' | 'config';
  readonly createdBy?: string | undefined;
}

export interface Subscription extends SubscriptionInput {
  readonly enabled: boolean;
  readonly disabledReason?: string | undefined;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /**
   * When the current schedule took effect (set on subscribing, re-enabling or changing the time,
   * zone or days). A day's post is due only if its time is at or after this: a subscription made
   * at 08:00 for 09:00 posts today, one made at 10:00 for 09:00 first posts tomorrow.
   */
  readonly activeSince: Date;
}

export type DeliveryStatus = 'claimed' | 'sent' | 'failed';

export interface DeliveryRef {
  readonly platform: DailyPlatform;
  readonly channelId: string;
  /** The subscription's local date, YYYY-MM-DD. */
  readonly localDate: string;
}

export interface Delivery extends DeliveryRef {
  readonly patternSlug: string;
  readonly status: DeliveryStatus;
  readonly claimOwner?: string | undefined;
  readonly claimedAt: Date;
  readonly attempts: number;
  readonly sentAt?: Date | undefined;
  readonly messageId?: string | undefined;
  readonly lastError?: string | undefined;
}

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

/** Ordered; migration i takes `user_version` from i to i + 1. Never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     platform        TEXT    NOT NULL CHECK (platform IN ('slack', 'discord')),
     channel_id      TEXT    NOT NULL,
     workspace_id    TEXT,
     time            TEXT    NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
     time_zone       TEXT    NOT NULL,
     weekdays        INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
     enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
     disabled_reason TEXT,
     source          TEXT    NOT NULL CHECK (source IN ('command', 'config')),
     created_by      TEXT,
     created_at      INTEGER NOT NULL,
     updated_at      INTEGER NOT NULL,
     active_since    INTEGER NOT NULL,
     PRIMARY KEY (platform, channel_id)
   ) STRICT;
   CREATE TABLE deliveries (
     platform     TEXT    NOT NULL,
     channel_id   TEXT    NOT NULL,
     local_date   TEXT    NOT NULL,
     pattern_slug TEXT    NOT NULL,
     status       TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
     claim_owner  TEXT,
     claimed_at   INTEGER NOT NULL,
     attempts     INTEGER NOT NULL DEFAULT 0,
     sent_at      INTEGER,
     message_id   TEXT,
     last_error   TEXT,
     UNIQUE (platform, channel_id, local_date)
   ) STRICT;`,
];

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

/** Brings a database to the latest schema, in one immediate transaction (safe with two processes). */
export function migrate(db: Database.Database): number {
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `database schema version ${version} is newer than this release knows (${MIGRATIONS.length})`,
      );
    }
    for (let next = version; next < MIGRATIONS.length; next++) {
      db.exec(MIGRATIONS[next] as string);
      db.pragma(`user_version = ${next + 1}`);
    }
    return MIGRATIONS.length;
  });
  return run.immediate();
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
         disabled_reason, source, created_by, created_at, updated_at, active_since)
       VALUES (@platform, @channelId, @workspaceId, @time, @timeZone, @weekdays, 1, NULL, @source,
         @createdBy, @now, @now, @now)
       ON CONFLICT (platform, channel_id) DO NOTHING`,
    ),
    updateSubscription: db.prepare(
      `UPDATE subscriptions SET workspace_id = @workspaceId, time = @time, time_zone = @timeZone,
         weekdays = @weekdays, enabled = 1, disabled_reason = NULL, source = @source,
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
