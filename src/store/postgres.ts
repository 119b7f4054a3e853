import pg from 'pg';
import type { DailyPlatform } from '../daily/poster.js';
import type { Logger } from '../logger.js';
import { MIGRATION_LOCK_KEY, POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { postgresQuiz } from './postgres-quiz.js';
import { createPostgresReview } from './postgres-review.js';
import { sameSchedule } from './sqlite.js';
import { describeDatabaseUrl, postgresStorageError, StorageError } from './storage-error.js';
import {
  type Delivery,
  type DeliveryRef,
  type DueSubscription,
  MAX_MISS_TEXT,
  type Store,
  type Subscription,
  type SubscriptionInput,
  utcDay,
} from './store.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** How long a connection attempt may take before an `unreachable` StorageError (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** The longest any one statement may run (default 30 s). */
  readonly statementTimeoutMs?: number;
  readonly logger?: Logger;
}

export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;
const MAX_INT = 2_147_483_647;

interface SubscriptionRow {
  platform: DailyPlatform;
  channel_id: string;
  workspace_id: string | null;
  time: string;
  time_zone: string;
  weekdays: number;
  enabled: boolean;
  disabled_reason: string | null;
  source: Subscription['source'];
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  active_since: Date;
  thread: boolean;
  diagram: boolean;
  quiz: boolean;
  next_run_at: Date;
}

interface DeliveryRow {
  platform: DailyPlatform;
  channel_id: string;
  local_date: string;
  pattern_slug: string;
  status: Delivery['status'];
  claim_owner: string | null;
  claimed_at: Date;
  attempts: number;
  sent_at: Date | null;
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
    enabled: row.enabled,
    disabledReason: orUndefined(row.disabled_reason),
    source: row.source,
    createdBy: orUndefined(row.created_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    activeSince: row.active_since,
    thread: row.thread,
    diagram: row.diagram,
    quiz: row.quiz,
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
    claimedAt: row.claimed_at,
    attempts: row.attempts,
    sentAt: orUndefined(row.sent_at),
    messageId: orUndefined(row.message_id),
    lastError: orUndefined(row.last_error),
  };
}

const SUBSCRIPTION_KEY = 'platform = $1 AND channel_id = $2';
const DELIVERY_KEY = 'platform = $1 AND channel_id = $2 AND local_date = $3';
/** `now()` less a number of milliseconds given as parameter `$n`: the database's clock decides. */
const staleBefore = (n: number) => `now() - ($${n}::double precision * interval '1 millisecond')`;

const SQL = {
  insertSubscription: `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, time_zone, weekdays,
      enabled, source, created_by, created_at, updated_at, active_since, thread, diagram, next_run_at, quiz)
    VALUES ($1, $2, $3, $4, $5, $6, true, $7, $8, $9, $9, $9, $10, $11, 'epoch', $12)
    ON CONFLICT (platform, channel_id) DO NOTHING RETURNING *`,
  updateSubscription: `UPDATE subscriptions SET workspace_id = $3, time = $4, time_zone = $5, weekdays = $6,
      enabled = true, disabled_reason = NULL, source = $7, created_by = $8, updated_at = $9,
      active_since = $13, thread = $10, diagram = $11, quiz = $12, next_run_at = 'epoch'
    WHERE ${SUBSCRIPTION_KEY} RETURNING *`,
  due: `SELECT * FROM subscriptions
    WHERE enabled AND next_run_at <= $1 AND (next_run_at, platform, channel_id) > ($2, $3, $4)
      AND platform = ANY($5::text[])
    ORDER BY next_run_at, platform, channel_id LIMIT $6`,
  setNextRun: `UPDATE subscriptions SET next_run_at = $4 WHERE ${SUBSCRIPTION_KEY} AND next_run_at = $3`,
  // One statement: both parts always run, and the claim is decided under the row's lock.
  claim: `WITH claimed AS (
      INSERT INTO deliveries (platform, channel_id, local_date, pattern_slug, status, claim_owner, claimed_at)
      VALUES ($1, $2, $3, $4, 'claimed', $5, now())
      ON CONFLICT (platform, channel_id, local_date) DO UPDATE
        SET status = 'claimed', claim_owner = excluded.claim_owner, claimed_at = excluded.claimed_at,
            pattern_slug = excluded.pattern_slug
      WHERE deliveries.status IN ('claimed', 'failed') AND deliveries.claimed_at <= ${staleBefore(6)}
        AND deliveries.attempts < $7
      RETURNING 1
    ), advanced AS (
      UPDATE subscriptions SET next_run_at = $9::timestamptz
      WHERE ${SUBSCRIPTION_KEY} AND $8::timestamptz IS NOT NULL AND next_run_at = $8::timestamptz
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM claimed)::int AS claimed`,
  recordAttempt: `UPDATE deliveries SET attempts = attempts + 1, claimed_at = now()
    WHERE ${DELIVERY_KEY} AND status = 'claimed' AND claim_owner = $4 RETURNING attempts`,
  markSent: `UPDATE deliveries SET status = 'sent', sent_at = now(), message_id = $5, last_error = NULL
    WHERE ${DELIVERY_KEY} AND status = 'claimed' AND claim_owner = $4`,
  markFailed: `UPDATE deliveries SET status = 'failed', last_error = $5, claimed_at = now()
    WHERE ${DELIVERY_KEY} AND status = 'claimed' AND claim_owner = $4`,
  release: `UPDATE deliveries SET status = 'failed', last_error = $5, claimed_at = 'epoch', claim_owner = NULL
    WHERE ${DELIVERY_KEY} AND status = 'claimed' AND claim_owner = $4`,
  staleDeliveries: `SELECT d.*, s.workspace_id, s.time, s.time_zone, s.weekdays, s.enabled, s.disabled_reason,
      s.source, s.created_by, s.created_at, s.updated_at, s.active_since, s.thread, s.diagram, s.next_run_at, s.quiz
    FROM deliveries d JOIN subscriptions s USING (platform, channel_id)
    WHERE d.status <> 'sent' AND d.claimed_at <= ${staleBefore(1)} AND d.attempts < $2 AND d.local_date >= $3
      AND s.enabled
    ORDER BY d.claimed_at LIMIT $4`,
  seenEvent: `INSERT INTO slack_events (event_id, expires_at)
    VALUES ($1, now() + ($2::double precision * interval '1 millisecond'))
    ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at
    WHERE slack_events.expires_at <= now()`,
  recordMiss: `INSERT INTO misses (text, count, first_seen, last_seen) VALUES ($1, 1, $2, $2)
    ON CONFLICT (text) DO UPDATE SET count = misses.count + 1, last_seen = greatest(misses.last_seen, excluded.last_seen)`,
  recordAsk: `INSERT INTO pattern_asks (slug, day, count) VALUES ($1, $2::date, 1)
    ON CONFLICT (slug, day) DO UPDATE SET count = pattern_asks.count + 1`,
  listAsked: `SELECT slug, sum(count)::bigint AS count, to_char(min(day), 'YYYY-MM-DD') AS first_day,
      to_char(max(day), 'YYYY-MM-DD') AS last_day
    FROM pattern_asks WHERE day >= $1::date GROUP BY slug ORDER BY sum(count) DESC, slug LIMIT $2`,
} as const;

/** Brings the database to the latest schema under an advisory lock: one process migrates at a time. */
async function migratePostgres(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    integer     PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const version = rows[0]?.version ?? 0;
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new StorageError(
        'too-new',
        'DATABASE_URL',
        `the database's schema version ${version} is newer than this release knows (${POSTGRES_MIGRATIONS.length}): run a newer release, or restore a backup taken before the upgrade`,
      );
    }
    for (let next = version; next < POSTGRES_MIGRATIONS.length; next++) {
      await client.query(POSTGRES_MIGRATIONS[next] as string);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [next + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * The shared store for many replicas: PostgreSQL through a `pg` Pool. Every claim, dedupe and
 * timeout is one statement decided by the database (unique keys, `ON CONFLICT`, `now()`), so
 * replicas' clocks do not matter for exactly-once. Connecting is bounded by `connectTimeoutMs`.
 */
export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const connectTimeoutMs = options.connectTimeoutMs ?? POSTGRES_CONNECT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    application_name: 'pattern-bot',
    keepAlive: true,
  });
  // An idle connection that breaks (a server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) =>
    options.logger?.warn(
      { err: error.message, server: describeDatabaseUrl(url) },
      'database connection lost',
    ),
  );
  const fault = (error: unknown) => postgresStorageError(error, url, connectTimeoutMs);

  const opening = (async () => {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  })().catch((error: unknown) => {
    throw fault(error);
  });
  opening.catch(() => {}); // the error is the caller's, through ready() or the first call

  async function query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    await opening;
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      throw fault(error);
    }
  }
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await opening;
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => {});
      throw fault(error);
    } finally {
      client?.release();
    }
  }
  const changed = async (text: string, values: unknown[]) => ((await query(text, values)).rowCount ?? 0) > 0;
  const count = async (text: string, values: unknown[]) => (await query(text, values)).rowCount ?? 0;
  const key = (ref: DeliveryRef) => [ref.platform, ref.channelId, ref.localDate];
  const values = (input: SubscriptionInput, now: Date) => [
    input.platform,
    input.channelId,
    input.workspaceId ?? null,
    input.time,
    input.timeZone,
    input.weekdays,
    input.source,
    input.createdBy ?? null,
    now,
    input.thread,
    input.diagram,
    input.quiz ?? false,
  ];
  const getSubscription = async (platform: DailyPlatform, channelId: string) => {
    const { rows } = await query<SubscriptionRow>(`SELECT * FROM subscriptions WHERE ${SUBSCRIPTION_KEY}`, [
      platform,
      channelId,
    ]);
    return rows[0] ? rowToSubscription(rows[0]) : undefined;
  };

  return {
    backend: 'postgres',
    ...createPostgresReview(query),
    async ready() {
      await opening;
    },
    upsertSubscription: (input, now) =>
      transaction(async (client) => {
        const inserted = await client.query<SubscriptionRow>(SQL.insertSubscription, values(input, now));
        let saved = inserted.rows[0] ? rowToSubscription(inserted.rows[0]) : undefined;
        if (!saved) {
          const { rows } = await client.query<SubscriptionRow>(
            `SELECT * FROM subscriptions WHERE ${SUBSCRIPTION_KEY} FOR UPDATE`,
            [input.platform, input.channelId],
          );
          const existing = rows[0] ? rowToSubscription(rows[0]) : undefined;
          if (!existing) throw new Error('the subscription vanished while it was saved');
          const unchanged = existing.enabled && sameSchedule(existing, input);
          const updated = await client.query<SubscriptionRow>(SQL.updateSubscription, [
            ...values(input, now),
            unchanged ? existing.activeSince : now,
          ]);
          saved = updated.rows[0] ? rowToSubscription(updated.rows[0]) : undefined;
        }
        if (!saved) throw new Error('the subscription vanished while it was saved');
        return saved;
      }),
    insertSubscriptionIfMissing: (input, now) => changed(SQL.insertSubscription, values(input, now)),
    disableSubscription: (platform, channelId, reason, now) =>
      changed(
        `UPDATE subscriptions SET enabled = false, disabled_reason = $3, updated_at = $4 WHERE ${SUBSCRIPTION_KEY}`,
        [platform, channelId, reason, now],
      ),
    deleteSubscription: (platform, channelId) =>
      changed(`DELETE FROM subscriptions WHERE ${SUBSCRIPTION_KEY}`, [platform, channelId]),
    getSubscription,
    async listSubscriptions(filter = {}) {
      const { rows } = await query<SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE ($1::boolean IS NULL OR enabled = $1) AND ($2::text IS NULL OR source = $2)
         ORDER BY platform, channel_id`,
        [filter.enabled ?? null, filter.source ?? null],
      );
      return rows.map(rowToSubscription);
    },
    async dueSubscriptions(now, { platforms, limit, after }) {
      const { rows } = await query<SubscriptionRow>(SQL.due, [
        now,
        after?.nextRunAt ?? new Date(-1),
        after?.platform ?? '',
        after?.channelId ?? '',
        platforms,
        limit,
      ]);
      return rows.map((row): DueSubscription => ({ ...rowToSubscription(row), nextRunAt: row.next_run_at }));
    },
    setNextRun: (platform, channelId, { from, to }) =>
      changed(SQL.setNextRun, [platform, channelId, from, to]),
    async claim(ref, options) {
      const { rows } = await query<{ claimed: number }>(SQL.claim, [
        ...key(ref),
        ref.patternSlug,
        options.owner,
        options.staleAfterMs,
        Math.min(options.maxAttempts ?? MAX_INT, MAX_INT),
        options.advance?.from ?? null,
        options.advance?.to ?? null,
      ]);
      return rows[0]?.claimed === 1;
    },
    async recordAttempt(ref, owner) {
      const { rows } = await query<{ attempts: number }>(SQL.recordAttempt, [...key(ref), owner]);
      return rows[0]?.attempts ?? 0;
    },
    markSent: (ref, owner, { messageId }) => changed(SQL.markSent, [...key(ref), owner, messageId]),
    markFailed: (ref, owner, error) => changed(SQL.markFailed, [...key(ref), owner, error]),
    release: (ref, owner, reason) => changed(SQL.release, [...key(ref), owner, reason]),
    async getDelivery(ref) {
      const { rows } = await query<DeliveryRow>(`SELECT * FROM deliveries WHERE ${DELIVERY_KEY}`, key(ref));
      return rows[0] ? rowToDelivery(rows[0]) : undefined;
    },
    async listDeliveries() {
      const { rows } = await query<DeliveryRow>(
        'SELECT * FROM deliveries ORDER BY local_date, platform, channel_id',
        [],
      );
      return rows.map(rowToDelivery);
    },
    async staleDeliveries({ staleAfterMs, maxAttempts, sinceDate, limit }) {
      const { rows } = await query<DeliveryRow & SubscriptionRow>(SQL.staleDeliveries, [
        staleAfterMs,
        Math.min(maxAttempts, MAX_INT),
        sinceDate,
        limit,
      ]);
      return rows.map((row) => ({ delivery: rowToDelivery(row), subscription: rowToSubscription(row) }));
    },
    pruneDeliveries: (beforeDate) => count('DELETE FROM deliveries WHERE local_date < $1', [beforeDate]),
    seenEvent: (id, ttlMs) => changed(SQL.seenEvent, [id, ttlMs]),
    pruneEvents: () => count('DELETE FROM slack_events WHERE expires_at <= now()', []),
    async recordMiss(text, now) {
      await query(SQL.recordMiss, [text.slice(0, MAX_MISS_TEXT), now]);
    },
    async listMisses({ since, limit }) {
      const { rows } = await query<{ text: string; count: number; first_seen: Date; last_seen: Date }>(
        'SELECT * FROM misses WHERE last_seen >= $1 ORDER BY count DESC, last_seen DESC, text LIMIT $2',
        [since, limit],
      );
      return rows.map((row) => ({
        text: row.text,
        count: row.count,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
      }));
    },
    pruneMisses: (before) => count('DELETE FROM misses WHERE last_seen < $1', [before]),
    async recordAsk(slug, now) {
      await query(SQL.recordAsk, [slug, utcDay(now)]);
    },
    async listAsked({ since, limit }) {
      const { rows } = await query<{ slug: string; count: string; first_day: string; last_day: string }>(
        SQL.listAsked,
        [utcDay(since), limit],
      );
      return rows.map((row) => ({
        slug: row.slug,
        count: Number(row.count),
        firstDay: row.first_day,
        lastDay: row.last_day,
      }));
    },
    pruneAsks: (before) => count('DELETE FROM pattern_asks WHERE day < $1::date', [utcDay(before)]),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ...postgresQuiz({ query, transaction }),
    async close() {
      await opening.catch(() => {});
      await pool.end();
    },
  };
}
