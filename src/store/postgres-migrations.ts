/**
 * PostgreSQL's schema, in order; version i + 1 is MIGRATIONS[i], recorded in `schema_migrations`.
 * Never edit one that has shipped: add another. Times are `timestamptz`; local dates stay text
 * (YYYY-MM-DD), as they are keys, not instants.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     platform        text        NOT NULL CHECK (platform IN ('slack', 'discord')),
     channel_id      text        NOT NULL,
     workspace_id    text,
     time            text        NOT NULL CHECK (time ~ '^[0-2][0-9]:[0-5][0-9]$'),
     time_zone       text        NOT NULL,
     weekdays        integer     NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
     enabled         boolean     NOT NULL DEFAULT true,
     disabled_reason text,
     source          text        NOT NULL CHECK (source IN ('command', 'config')),
     created_by      text,
     created_at      timestamptz NOT NULL,
     updated_at      timestamptz NOT NULL,
     active_since    timestamptz NOT NULL,
     thread          boolean     NOT NULL DEFAULT false,
     next_run_at     timestamptz NOT NULL DEFAULT 'epoch',
     PRIMARY KEY (platform, channel_id)
   );
   CREATE INDEX subscriptions_due ON subscriptions (next_run_at, platform, channel_id) WHERE enabled;
   CREATE TABLE deliveries (
     platform     text        NOT NULL,
     channel_id   text        NOT NULL,
     local_date   text        NOT NULL CHECK (local_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
     pattern_slug text        NOT NULL,
     status       text        NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
     claim_owner  text,
     claimed_at   timestamptz NOT NULL,
     attempts     integer     NOT NULL DEFAULT 0,
     sent_at      timestamptz,
     message_id   text,
     last_error   text,
     PRIMARY KEY (platform, channel_id, local_date)
   );
   CREATE INDEX deliveries_unsent ON deliveries (claimed_at) WHERE status <> 'sent';
   CREATE INDEX deliveries_local_date ON deliveries (local_date);
   CREATE TABLE slack_events (
     event_id   text        PRIMARY KEY,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX slack_events_expiry ON slack_events (expires_at);
   CREATE TABLE misses (
     text       text        PRIMARY KEY,
     count      integer     NOT NULL,
     first_seen timestamptz NOT NULL,
     last_seen  timestamptz NOT NULL
   );
   CREATE INDEX misses_last_seen ON misses (last_seen);`,
  // 2: how often each pattern is asked for, a row per pattern and UTC day.
  `CREATE TABLE pattern_asks (
     slug  text    NOT NULL,
     day   date    NOT NULL,
     count integer NOT NULL,
     PRIMARY KEY (slug, day)
   );
   CREATE INDEX pattern_asks_day ON pattern_asks (day);`,
  // 3: whether the daily post carries the pattern's diagram.
  'ALTER TABLE subscriptions ADD COLUMN diagram boolean NOT NULL DEFAULT false;',
  // 4: spaced review: a person's schedule and, per pattern, its ts-fsrs state; keyed by platform,
  // workspace and user, nothing else about the person.
  `CREATE TABLE reviewers (
     platform     text        NOT NULL CHECK (platform IN ('slack', 'discord')),
     workspace_id text        NOT NULL,
     user_id      text        NOT NULL,
     time         text        NOT NULL CHECK (time ~ '^[0-2][0-9]:[0-5][0-9]$'),
     time_zone    text        NOT NULL,
     weekdays     integer     NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
     next_run_at  timestamptz NOT NULL,
     created_at   timestamptz NOT NULL,
     updated_at   timestamptz NOT NULL,
     PRIMARY KEY (platform, workspace_id, user_id)
   );
   CREATE INDEX reviewers_due ON reviewers (next_run_at, platform, workspace_id, user_id);
   CREATE TABLE review_cards (
     platform      text        NOT NULL,
     workspace_id  text        NOT NULL,
     user_id       text        NOT NULL,
     slug          text        NOT NULL,
     due_at        timestamptz NOT NULL,
     fsrs          text        NOT NULL,
     prompt_date   text,
     answered_date text,
     PRIMARY KEY (platform, workspace_id, user_id, slug)
   );`,
  // 5: the quiz: each answer under a unique key (a person answers a posting once), and each person's
  // totals (score, answers, streak of days with a right answer); nothing else about a person; and
  // whether a channel's daily post ends with a question of the day.
  `CREATE TABLE quiz_answers (
     platform     text        NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
     workspace_id text        NOT NULL,
     user_id      text        NOT NULL,
     question_id  text        NOT NULL,
     round        text        NOT NULL,
     pattern_slug text        NOT NULL,
     channel_id   text        NOT NULL,
     choice       integer     NOT NULL,
     correct      boolean     NOT NULL,
     local_date   text        NOT NULL CHECK (local_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
     answered_at  timestamptz NOT NULL,
     PRIMARY KEY (platform, workspace_id, user_id, question_id, round)
   );
   CREATE INDEX quiz_answers_channel ON quiz_answers (platform, workspace_id, channel_id);
   CREATE INDEX quiz_answers_round ON quiz_answers (question_id, round);
   CREATE TABLE quiz_people (
     platform       text    NOT NULL,
     workspace_id   text    NOT NULL,
     user_id        text    NOT NULL,
     score          integer NOT NULL,
     answered       integer NOT NULL,
     current_streak integer NOT NULL,
     best_streak    integer NOT NULL,
     last_day       text,
     PRIMARY KEY (platform, workspace_id, user_id)
   );
   ALTER TABLE subscriptions ADD COLUMN quiz boolean NOT NULL DEFAULT false;
   CREATE TABLE quiz_reveals (
     platform    text        NOT NULL,
     channel_id  text        NOT NULL,
     local_date  text        NOT NULL,
     question_id text        NOT NULL,
     round       text        NOT NULL,
     message_id  text        NOT NULL,
     reveal_at   timestamptz NOT NULL,
     revealed_at timestamptz,
     PRIMARY KEY (platform, channel_id, local_date)
   );
   CREATE INDEX quiz_reveals_due ON quiz_reveals (reveal_at) WHERE revealed_at IS NULL;`,
];

/** The advisory lock key every process migrating this database takes first (any fixed bigint). */
export const MIGRATION_LOCK_KEY = 7_305_215_991;
