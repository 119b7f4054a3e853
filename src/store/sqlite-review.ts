import type Database from 'better-sqlite3';
import {
  type ReviewCardDbRow,
  type ReviewerRow as ReviewerRowOf,
  rowToReviewCard,
  rowToReviewer,
} from './review-rows.js';
import type { ReviewerKey, ReviewStore } from './review-store.js';

type ReviewerRow = ReviewerRowOf<number>;
type CardRow = ReviewCardDbRow<number>;

const KEY = 'platform = @platform AND workspace_id = @workspaceId AND user_id = @userId';

const key = (k: ReviewerKey) => ({ platform: k.platform, workspaceId: k.workspaceId, userId: k.userId });

function prepare(db: Database.Database) {
  const s = {
    upsert: db.prepare<Record<string, unknown>, ReviewerRow>(
      `INSERT INTO reviewers (platform, workspace_id, user_id, time, time_zone, weekdays, next_run_at,
         created_at, updated_at)
       VALUES (@platform, @workspaceId, @userId, @time, @timeZone, @weekdays, @nextRunAt, @now, @now)
       ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET time = excluded.time,
         time_zone = excluded.time_zone, weekdays = excluded.weekdays, next_run_at = excluded.next_run_at,
         updated_at = excluded.updated_at
       RETURNING *`,
    ),
    get: db.prepare<Record<string, unknown>, ReviewerRow>(`SELECT * FROM reviewers WHERE ${KEY}`),
    deleteReviewer: db.prepare(`DELETE FROM reviewers WHERE ${KEY}`),
    deleteCards: db.prepare(`DELETE FROM review_cards WHERE ${KEY}`),
    due: db.prepare<Record<string, unknown>, ReviewerRow>(
      `SELECT * FROM reviewers INDEXED BY reviewers_due
       WHERE next_run_at <= @now AND platform IN (SELECT value FROM json_each(@platforms))
       ORDER BY next_run_at, platform, workspace_id, user_id LIMIT @limit`,
    ),
    claim: db.prepare(`UPDATE reviewers SET next_run_at = @to WHERE ${KEY} AND next_run_at = @from`),
    cards: db.prepare<Record<string, unknown>, CardRow>(
      `SELECT slug, due_at, fsrs, prompt_date, answered_date FROM review_cards WHERE ${KEY} ORDER BY slug`,
    ),
    prompt: db.prepare(
      `INSERT INTO review_cards (platform, workspace_id, user_id, slug, due_at, fsrs, prompt_date, answered_date)
       VALUES (@platform, @workspaceId, @userId, @slug, @dueAt, @fsrs, @date, NULL)
       ON CONFLICT (platform, workspace_id, user_id, slug) DO UPDATE
         SET answered_date = CASE WHEN review_cards.prompt_date = excluded.prompt_date
             THEN review_cards.answered_date END,
           prompt_date = excluded.prompt_date`,
    ),
    answer: db.prepare(
      `UPDATE review_cards SET due_at = coalesce(@dueAt, due_at), fsrs = coalesce(@fsrs, fsrs),
         answered_date = @date
       WHERE ${KEY} AND slug = @slug AND prompt_date = @date AND answered_date IS NULL`,
    ),
  };
  return {
    ...s,
    deleteAll: db.transaction((k: ReturnType<typeof key>) => {
      const cards = s.deleteCards.run(k).changes;
      return s.deleteReviewer.run(k).changes + cards > 0;
    }),
    promptAll: db.transaction((rows: readonly Record<string, unknown>[]) => {
      for (const row of rows) s.prompt.run(row);
    }),
  };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/**
 * The review tables of the SQLite store. `run` is the store's own: it waits for the migrated
 * database and retries while another connection holds the lock.
 */
export function createSqliteReview(run: <T>(work: (db: Database.Database) => T) => Promise<T>): ReviewStore {
  const on = <T>(work: (s: ReturnType<typeof prepare>) => T) =>
    run((db) => {
      let s = prepared.get(db);
      if (!s) {
        s = prepare(db);
        prepared.set(db, s);
      }
      return work(s);
    });
  return {
    upsertReviewer: (input, now) =>
      on((s) =>
        rowToReviewer(
          s.upsert.get({
            ...key(input),
            time: input.time,
            timeZone: input.timeZone,
            weekdays: input.weekdays,
            nextRunAt: input.nextRunAt.getTime(),
            now: now.getTime(),
          }) as ReviewerRow,
        ),
      ),
    getReviewer: (k) =>
      on((s) => {
        const row = s.get.get(key(k));
        return row ? rowToReviewer(row) : undefined;
      }),
    deleteReviewer: (k) => on((s) => s.deleteAll.immediate(key(k))),
    dueReviewers: (now, { platforms, limit }) =>
      on((s) =>
        s.due.all({ now: now.getTime(), platforms: JSON.stringify(platforms), limit }).map(rowToReviewer),
      ),
    claimReview: (k, { from, to }) =>
      on((s) => s.claim.run({ ...key(k), from: from.getTime(), to: to.getTime() }).changes === 1),
    listReviewCards: (k) => on((s) => s.cards.all(key(k)).map(rowToReviewCard)),
    promptReviewCards: (k, date, cards) =>
      on((s) => {
        s.promptAll.immediate(
          cards.map((card) => ({
            ...key(k),
            slug: card.slug,
            dueAt: card.dueAt.getTime(),
            fsrs: card.fsrs,
            date,
          })),
        );
      }),
    answerReviewCard: (k, slug, date, next) =>
      on(
        (s) =>
          s.answer.run({
            ...key(k),
            slug,
            date,
            dueAt: next ? next.dueAt.getTime() : null,
            fsrs: next ? next.fsrs : null,
          }).changes === 1,
      ),
  };
}
