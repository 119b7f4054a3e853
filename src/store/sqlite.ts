import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { DailyPlatform } from '../daily/poster.js';
import type { SubscriptionSchedule } from '../daily/subscription.js';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { prepareQuiz, sqliteQuiz } from './sqlite-quiz.js';
import { createSqliteReview } from './sqlite-review.js';
import { isSqliteBusy, StorageError, sqliteStorageError } from './storage-error.js';
import {
  type Delivery,
  type DeliveryRef,
  type DueSubscription,
  MAX_MISS_TEXT,
  type Miss,
  type Store,
  type Subscription,
  type SubscriptionInput,
  utcDay,
} from './store.js';

export interface SqliteStoreOptions {
  /**
   * The database's clock, for claims and event expiry. SQLite is embedded, so its clock is this
   * host's, shared by every process using the file; tests pass a fake one.
   */
  readonly clock?: () => Date;
  /** How long SQLite itself waits for a lock, blocking the thread; kept short (default 50 ms). */
  readonly busyTimeoutMs?: number;
  /** How long a lock is waited for in all, asynchronously, before a `locked` StorageError. */
  readonly lockTimeoutMs?: number;
}

export const SQLITE_BUSY_TIMEOUT_MS = 50;
export const SQLITE_LOCK_TIMEOUT_MS = 10_000;

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
  diagram: number;
  next_run_at: number;
  quiz: number;
}

interface DeliveryRow {
  platform: DailyPlatform;
  channel_id: string;
  local_date: string;
  pattern_slug: string;
  status: Delivery['status'];
  claim_owner: string | null;
  claimed_at: number;
  attempts: number;
  sent_at: number | null;
  message_id: string | null;
  last_error: string | null;
}

interface MissRow {
  text: string;
  count: number;
  first_seen: number;
  last_seen: number;
}

interface AskedRow {
  slug: string;
  count: number;
  first_day: string;
  last_day: string;
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function rowToSubscription(row: SubscriptionRow): DueSubscription {
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
    diagram: row.diagram === 1,
    quiz: row.quiz === 1,
    nextRunAt: new Date(row.next_run_at),
  };
}

function withoutNextRun({ nextRunAt: _, ...subscription }: DueSubscription): Subscription {
  return subscription;
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

export const sameSchedule = (a: SubscriptionSchedule, b: SubscriptionSchedule): boolean =>
  a.time === b.time && a.timeZone === b.timeZone && a.weekdays === b.weekdays;

function prepare(db: Database.Database) {
  const subscriptionKey = 'platform = @platform AND channel_id = @channelId';
  const deliveryKey = 'platform = @platform AND channel_id = @channelId AND local_date = @localDate';
  return {
    getSubscription: db.prepare<Record<string, unknown>, SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE ${subscriptionKey}`,
    ),
    listSubscriptions: db.prepare<[], SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY platform, channel_id',
    ),
    due: db.prepare<Record<string, unknown>, SubscriptionRow>(
      // INDEXED BY: without it the platform filter tempts SQLite into the primary key and a sort.
      `SELECT * FROM subscriptions INDEXED BY subscriptions_due
       WHERE enabled = 1 AND next_run_at <= @now
         AND (next_run_at, platform, channel_id) > (@afterAt, @afterPlatform, @afterChannel)
         AND platform IN (SELECT value FROM json_each(@platforms))
       ORDER BY next_run_at, platform, channel_id LIMIT @limit`,
    ),
    setNextRun: db.prepare(
      `UPDATE subscriptions SET next_run_at = @to WHERE ${subscriptionKey} AND next_run_at = @from`,
    ),
    insertSubscription: db.prepare(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, time_zone, weekdays, enabled,
         disabled_reason, source, created_by, created_at, updated_at, active_since, thread, diagram,
         next_run_at, quiz)
       VALUES (@platform, @channelId, @workspaceId, @time, @timeZone, @weekdays, 1, NULL, @source,
         @createdBy, @now, @now, @now, @thread, @diagram, 0, @quiz)
       ON CONFLICT (platform, channel_id) DO NOTHING`,
    ),
    updateSubscription: db.prepare(
      `UPDATE subscriptions SET workspace_id = @workspaceId, time = @time, time_zone = @timeZone,
         weekdays = @weekdays, thread = @thread, diagram = @diagram, quiz = @quiz, enabled = 1, disabled_reason = NULL, source = @source,
         created_by = @createdBy, updated_at = @now, active_since = @activeSince, next_run_at = 0
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
    staleDeliveries: db.prepare<Record<string, unknown>, DeliveryRow>(
      `SELECT * FROM deliveries
       WHERE status <> 'sent' AND claimed_at <= @staleBefore AND attempts < @maxAttempts
         AND local_date >= @sinceDate
       ORDER BY claimed_at LIMIT @limit`,
    ),
    pruneDeliveries: db.prepare('DELETE FROM deliveries WHERE local_date < @beforeDate'),
    seenEvent: db.prepare(
      `INSERT INTO slack_events (event_id, expires_at) VALUES (@id, @expiresAt)
       ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at
       WHERE slack_events.expires_at <= @now`,
    ),
    pruneEvents: db.prepare('DELETE FROM slack_events WHERE expires_at <= @now'),
    recordMiss: db.prepare(
      `INSERT INTO misses (text, count, first_seen, last_seen) VALUES (@text, 1, @now, @now)
       ON CONFLICT (text) DO UPDATE SET count = count + 1, last_seen = max(last_seen, excluded.last_seen)`,
    ),
    listMisses: db.prepare<Record<string, unknown>, MissRow>(
      `SELECT * FROM misses WHERE last_seen >= @since ORDER BY count DESC, last_seen DESC, text LIMIT @limit`,
    ),
    pruneMisses: db.prepare('DELETE FROM misses WHERE last_seen < @before'),
    recordAsk: db.prepare(
      `INSERT INTO pattern_asks (slug, day, count) VALUES (@slug, @day, 1)
       ON CONFLICT (slug, day) DO UPDATE SET count = count + 1`,
    ),
    listAsked: db.prepare<Record<string, unknown>, AskedRow>(
      `SELECT slug, sum(count) AS count, min(day) AS first_day, max(day) AS last_day
       FROM pattern_asks WHERE day >= @since GROUP BY slug ORDER BY sum(count) DESC, slug LIMIT @limit`,
    ),
    pruneAsks: db.prepare('DELETE FROM pattern_asks WHERE day < @before'),
  };
}

type Statements = ReturnType<typeof prepare>;

/** The multi-statement writes, each one BEGIN IMMEDIATE transaction, made once per connection. */
function transactions(db: Database.Database, s: Statements) {
  return {
    upsert: db.transaction((input: SubscriptionInput, now: Date): Subscription => {
      const row = s.getSubscription.get({ platform: input.platform, channelId: input.channelId });
      if (!row) {
        s.insertSubscription.run(params(input, now));
      } else {
        const existing = rowToSubscription(row);
        const unchanged = existing.enabled && sameSchedule(existing, input);
        s.updateSubscription.run({
          ...params(input, now),
          activeSince: unchanged ? existing.activeSince.getTime() : now.getTime(),
        });
      }
      const saved = s.getSubscription.get({ platform: input.platform, channelId: input.channelId });
      return withoutNextRun(rowToSubscription(saved as SubscriptionRow));
    }),
    claimAndAdvance: db.transaction((claim: Record<string, unknown>, advance: Record<string, unknown>) => {
      const won = s.claim.run(claim).changes === 1;
      s.setNextRun.run(advance);
      return won;
    }),
  };
}

function params(input: SubscriptionInput, now: Date) {
  return {
    platform: input.platform,
    channelId: input.channelId,
    workspaceId: input.workspaceId ?? null,
    time: input.time,
    timeZone: input.timeZone,
    weekdays: input.weekdays,
    thread: input.thread ? 1 : 0,
    diagram: input.diagram ? 1 : 0,
    quiz: input.quiz ? 1 : 0,
    source: input.source,
    createdBy: input.createdBy ?? null,
    now: now.getTime(),
  };
}

/**
 * The embedded store: one SQLite file (WAL), shared safely by processes on one host. Each call runs
 * synchronously (microseconds), but no lock wait blocks the event loop for long: SQLite's own busy
 * wait is capped at `busyTimeoutMs` (50 ms), and a call that still finds the database locked is
 * retried on a timer, with backoff, until `lockTimeoutMs`; then it fails with a `locked`
 * StorageError. (A worker thread would avoid even the 50 ms, at the price of copying every row
 * across threads and a second event loop; the statements here are point reads and writes on
 * indexes, so the short busy wait is the simpler trade.)
 */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const clock = options.clock ?? (() => new Date());
  const busyTimeoutMs = options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS;
  const lockTimeoutMs = options.lockTimeoutMs ?? SQLITE_LOCK_TIMEOUT_MS;
  let db: Database.Database | undefined;
  let closed = false;
  /** Calls waiting for another connection's lock to go (for the metrics). */
  let waiting = 0;

  /** Runs `work`, retrying on a timer while the database is locked by another connection. */
  async function retrying<T>(work: () => T): Promise<T> {
    const started = Date.now();
    for (let wait = 5; ; wait = Math.min(wait * 2, 250)) {
      try {
        return work();
      } catch (error) {
        const waited = Date.now() - started;
        if (!isSqliteBusy(error) || waited >= lockTimeoutMs) throw sqliteStorageError(error, path, waited);
        waiting += 1;
        await sleep(Math.min(wait, lockTimeoutMs - waited)).finally(() => {
          waiting -= 1;
        });
      }
    }
  }

  let checkpointer: Checkpointer | undefined;
  const opening = retrying(() => {
    if (closed) throw new StorageError('failed', 'DATABASE_PATH', 'the store was closed');
    if (!db) {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: busyTimeoutMs });
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    }
    // A file that is not a database fails here (SQLITE_NOTADB), before anything is written.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    try {
      migrateSqlite(db);
    } catch (error) {
      if (error instanceof RangeError)
        throw new StorageError('too-new', 'DATABASE_PATH', `${path}: ${error.message}`);
      throw error;
    }
    const statements = prepare(db);
    if (path !== ':memory:' && !checkpointer) {
      // Checkpoints (and their fsync) happen on a thread of their own, never inside a commit here.
      db.pragma('wal_autocheckpoint = 0');
      checkpointer = startCheckpointer(path);
    }
    return { ...statements, tx: transactions(db, statements), quiz: prepareQuiz(db) };
  }).catch((error: unknown) => {
    db?.close();
    db = undefined;
    throw error;
  });
  opening.catch(() => {}); // the error is the caller's, through ready() or the first call

  async function run<T>(
    work: (
      s: Statements & { tx: ReturnType<typeof transactions>; quiz: ReturnType<typeof prepareQuiz> },
    ) => T,
  ): Promise<T> {
    const statements = await opening;
    if (!db || closed) throw new StorageError('failed', 'DATABASE_PATH', `${path}: the store is closed`);
    return retrying(() => work(statements));
  }

  const key = (ref: DeliveryRef) => ({
    platform: ref.platform,
    channelId: ref.channelId,
    localDate: ref.localDate,
  });
  const ms = () => clock().getTime();

  const review = createSqliteReview((work) =>
    run(() => {
      if (!db) throw new StorageError('failed', 'DATABASE_PATH', `${path}: the store is closed`);
      return work(db);
    }),
  );

  return {
    backend: 'sqlite',
    ...review,
    async ready() {
      await opening;
    },
    upsertSubscription: (input, now) => run((s) => s.tx.upsert.immediate(input, now)),
    insertSubscriptionIfMissing: (input, now) =>
      run((s) => s.insertSubscription.run(params(input, now)).changes === 1),
    disableSubscription: (platform, channelId, reason, now) =>
      run(
        (s) => s.disableSubscription.run({ platform, channelId, reason, now: now.getTime() }).changes === 1,
      ),
    deleteSubscription: (platform, channelId) =>
      run((s) => s.deleteSubscription.run({ platform, channelId }).changes === 1),
    getSubscription: (platform, channelId) =>
      run((s) => {
        const row = s.getSubscription.get({ platform, channelId });
        return row ? withoutNextRun(rowToSubscription(row)) : undefined;
      }),
    listSubscriptions: (filter = {}) =>
      run((s) =>
        s.listSubscriptions
          .all()
          .map((row) => withoutNextRun(rowToSubscription(row)))
          .filter(
            (sub) =>
              (filter.enabled === undefined || sub.enabled === filter.enabled) &&
              (filter.source === undefined || sub.source === filter.source),
          ),
      ),
    dueSubscriptions: (now, { platforms, limit, after }) =>
      run((s) =>
        s.due
          .all({
            now: now.getTime(),
            afterAt: after ? after.nextRunAt.getTime() : -1,
            afterPlatform: after?.platform ?? '',
            afterChannel: after?.channelId ?? '',
            platforms: JSON.stringify(platforms),
            limit,
          })
          .map(rowToSubscription),
      ),
    setNextRun: (platform, channelId, { from, to }) =>
      run(
        (s) =>
          s.setNextRun.run({ platform, channelId, from: from.getTime(), to: to.getTime() }).changes === 1,
      ),
    claim: (ref, options) =>
      run((s) => {
        const now = ms();
        const claim = {
          ...key(ref),
          patternSlug: ref.patternSlug,
          owner: options.owner,
          now,
          staleBefore: now - options.staleAfterMs,
          maxAttempts: options.maxAttempts ?? Number.MAX_SAFE_INTEGER,
        };
        const { advance } = options;
        if (!advance) return s.claim.run(claim).changes === 1;
        const move = { ...key(ref), from: advance.from.getTime(), to: advance.to.getTime() };
        return s.tx.claimAndAdvance.immediate(claim, move);
      }),
    recordAttempt: (ref, owner) =>
      run((s) => s.recordAttempt.get({ ...key(ref), owner, now: ms() })?.attempts ?? 0),
    markSent: (ref, owner, { messageId }) =>
      run((s) => s.markSent.run({ ...key(ref), owner, messageId, now: ms() }).changes === 1),
    markFailed: (ref, owner, error) =>
      run((s) => s.markFailed.run({ ...key(ref), owner, error, now: ms() }).changes === 1),
    release: (ref, owner, reason) => run((s) => s.release.run({ ...key(ref), owner, reason }).changes === 1),
    getDelivery: (ref) =>
      run((s) => {
        const row = s.getDelivery.get(key(ref));
        return row ? rowToDelivery(row) : undefined;
      }),
    listDeliveries: () => run((s) => s.listDeliveries.all().map(rowToDelivery)),
    staleDeliveries: ({ staleAfterMs, maxAttempts, sinceDate, limit }) =>
      run((s) =>
        s.staleDeliveries
          .all({ staleBefore: ms() - staleAfterMs, maxAttempts, sinceDate, limit })
          .map(rowToDelivery)
          .flatMap((delivery) => {
            const row = s.getSubscription.get({ platform: delivery.platform, channelId: delivery.channelId });
            return row && row.enabled === 1
              ? [{ delivery, subscription: withoutNextRun(rowToSubscription(row)) }]
              : [];
          }),
      ),
    pruneDeliveries: (beforeDate) => run((s) => s.pruneDeliveries.run({ beforeDate }).changes),
    seenEvent: (id, ttlMs) =>
      run((s) => {
        const now = ms();
        return s.seenEvent.run({ id, expiresAt: now + ttlMs, now }).changes === 1;
      }),
    pruneEvents: () => run((s) => s.pruneEvents.run({ now: ms() }).changes),
    recordMiss: (text, now) =>
      run((s) => {
        s.recordMiss.run({ text: text.slice(0, MAX_MISS_TEXT), now: now.getTime() });
      }),
    listMisses: ({ since, limit }): Promise<Miss[]> =>
      run((s) =>
        s.listMisses.all({ since: since.getTime(), limit }).map((row) => ({
          text: row.text,
          count: row.count,
          firstSeen: new Date(row.first_seen),
          lastSeen: new Date(row.last_seen),
        })),
      ),
    pruneMisses: (before) => run((s) => s.pruneMisses.run({ before: before.getTime() }).changes),
    recordAsk: (slug, now) =>
      run((s) => {
        s.recordAsk.run({ slug, day: utcDay(now) });
      }),
    listAsked: ({ since, limit }) =>
      run((s) =>
        s.listAsked.all({ since: utcDay(since), limit }).map((row) => ({
          slug: row.slug,
          count: row.count,
          firstDay: row.first_day,
          lastDay: row.last_day,
        })),
      ),
    pruneAsks: (before) => run((s) => s.pruneAsks.run({ before: utcDay(before) }).changes),
    // One connection, used synchronously: idle whenever anything else can look.
    poolUse: () => ({ total: db ? 1 : 0, idle: db ? 1 : 0, waiting }),
    ...sqliteQuiz((work) => run((s) => work(s.quiz))),
    async close() {
      closed = true;
      await opening.catch(() => {});
      await checkpointer?.stop();
      db?.close();
      db = undefined;
    },
  };
}
