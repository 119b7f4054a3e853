import type Database from 'better-sqlite3';

/**
 * SQLite's schema, in order; migration i takes `user_version` from i to i + 1. Never edit one that
 * has shipped: add another. Times are epoch milliseconds.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
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
  // 2: whether the poster starts a discussion thread under each post.
  'ALTER TABLE subscriptions ADD COLUMN thread INTEGER NOT NULL DEFAULT 0 CHECK (thread IN (0, 1));',
  // 3: the scheduler reads due subscriptions from an index (0: look at it at once); stale claims and
  // old deliveries from theirs; Slack event ids shared by replicas; the miss log.
  `ALTER TABLE subscriptions ADD COLUMN next_run_at INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX subscriptions_due ON subscriptions (next_run_at, platform, channel_id) WHERE enabled = 1;
   CREATE INDEX deliveries_unsent ON deliveries (claimed_at) WHERE status <> 'sent';
   CREATE INDEX deliveries_local_date ON deliveries (local_date);
   CREATE TABLE slack_events (
     event_id   TEXT    NOT NULL PRIMARY KEY,
     expires_at INTEGER NOT NULL
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX slack_events_expiry ON slack_events (expires_at);
   CREATE TABLE misses (
     text       TEXT    NOT NULL PRIMARY KEY,
     count      INTEGER NOT NULL,
     first_seen INTEGER NOT NULL,
     last_seen  INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX misses_last_seen ON misses (last_seen);`,
  // 4: how often each pattern is asked for, a row per pattern and UTC day (YYYY-MM-DD).
  `CREATE TABLE pattern_asks (
     slug  TEXT    NOT NULL,
     day   TEXT    NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (slug, day)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX pattern_asks_day ON pattern_asks (day);`,
  // 5: whether the daily post carries the pattern's diagram.
  'ALTER TABLE subscriptions ADD COLUMN diagram INTEGER NOT NULL DEFAULT 0 CHECK (diagram IN (0, 1));',
  // 6: spaced review: a person's schedule and, per pattern, its ts-fsrs state; keyed by platform,
  // workspace and user, nothing else about the person.
  `CREATE TABLE reviewers (
     platform     TEXT    NOT NULL CHECK (platform IN ('slack', 'discord')),
     workspace_id TEXT    NOT NULL,
     user_id      TEXT    NOT NULL,
     time         TEXT    NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
     time_zone    TEXT    NOT NULL,
     weekdays     INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
     next_run_at  INTEGER NOT NULL,
     created_at   INTEGER NOT NULL,
     updated_at   INTEGER NOT NULL,
     PRIMARY KEY (platform, workspace_id, user_id)
   ) STRICT;
   CREATE INDEX reviewers_due ON reviewers (next_run_at, platform, workspace_id, user_id);
   CREATE TABLE review_cards (
     platform      TEXT    NOT NULL,
     workspace_id  TEXT    NOT NULL,
     user_id       TEXT    NOT NULL,
     slug          TEXT    NOT NULL,
     due_at        INTEGER NOT NULL,
     fsrs          TEXT    NOT NULL,
     prompt_date   TEXT,
     answered_date TEXT,
     PRIMARY KEY (platform, workspace_id, user_id, slug)
   ) STRICT;`,
  // 7: the quiz: each answer under a unique key (a person answers a posting once), and each person's
  // totals (score, answers, streak of days with a right answer); nothing else about a person; and
  // whether a channel's daily post ends with a question of the day.
  `CREATE TABLE quiz_answers (
     platform     TEXT    NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
     workspace_id TEXT    NOT NULL,
     user_id      TEXT    NOT NULL,
     question_id  TEXT    NOT NULL,
     round        TEXT    NOT NULL,
     pattern_slug TEXT    NOT NULL,
     channel_id   TEXT    NOT NULL,
     choice       INTEGER NOT NULL,
     correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
     local_date   TEXT    NOT NULL,
     answered_at  INTEGER NOT NULL,
     PRIMARY KEY (platform, workspace_id, user_id, question_id, round)
   ) STRICT;
   CREATE INDEX quiz_answers_channel ON quiz_answers (platform, workspace_id, channel_id);
   CREATE INDEX quiz_answers_round ON quiz_answers (question_id, round);
   CREATE TABLE quiz_people (
     platform       TEXT    NOT NULL,
     workspace_id   TEXT    NOT NULL,
     user_id        TEXT    NOT NULL,
     score          INTEGER NOT NULL,
     answered       INTEGER NOT NULL,
     current_streak INTEGER NOT NULL,
     best_streak    INTEGER NOT NULL,
     last_day       TEXT,
     PRIMARY KEY (platform, workspace_id, user_id)
   ) STRICT;
   ALTER TABLE subscriptions ADD COLUMN quiz INTEGER NOT NULL DEFAULT 0 CHECK (quiz IN (0, 1));
   CREATE TABLE quiz_reveals (
     platform    TEXT    NOT NULL,
     channel_id  TEXT    NOT NULL,
     local_date  TEXT    NOT NULL,
     question_id TEXT    NOT NULL,
     round       TEXT    NOT NULL,
     message_id  TEXT    NOT NULL,
     reveal_at   INTEGER NOT NULL,
     revealed_at INTEGER,
     PRIMARY KEY (platform, channel_id, local_date)
   ) STRICT;
   CREATE INDEX quiz_reveals_due ON quiz_reveals (reveal_at) WHERE revealed_at IS NULL;`,
];

/**
 * Brings a database to the latest schema in one BEGIN IMMEDIATE transaction: of several processes
 * starting at once one migrates, the others wait for its lock (SQLITE_BUSY, retried by the caller)
 * and then find nothing to do.
 */
export function migrateSqlite(db: Database.Database): number {
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SQLITE_MIGRATIONS.length) {
      throw new RangeError(
        `the database's schema version ${version} is newer than this release knows (${SQLITE_MIGRATIONS.length}): run a newer release, or restore a backup taken before the upgrade`,
      );
    }
    for (let next = version; next < SQLITE_MIGRATIONS.length; next++) {
      db.exec(SQLITE_MIGRATIONS[next] as string);
      db.pragma(`user_version = ${next + 1}`);
    }
    return SQLITE_MIGRATIONS.length;
  });
  return run.immediate();
}
