import type Database from 'better-sqlite3';

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
  // 2: whether the poster starts a discussion thread under each post.
  'ALTER TABLE subscriptions ADD COLUMN thread INTEGER NOT NULL DEFAULT 0 CHECK (thread IN (0, 1));',
];

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
