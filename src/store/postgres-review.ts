import type pg from 'pg';
import {
  type ReviewCardDbRow,
  type ReviewerRow as ReviewerRowOf,
  rowToReviewCard,
  rowToReviewer,
} from './review-rows.js';
import type { ReviewerKey, ReviewStore } from './review-store.js';

type ReviewerRow = ReviewerRowOf<Date>;
type CardRow = ReviewCardDbRow<Date>;

const KEY = 'platform = $1 AND workspace_id = $2 AND user_id = $3';
const key = (k: ReviewerKey) => [k.platform, k.workspaceId, k.userId];

const SQL = {
  upsert: `INSERT INTO reviewers (platform, workspace_id, user_id, time, time_zone, weekdays, next_run_at,
      created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
    ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET time = excluded.time,
      time_zone = excluded.time_zone, weekdays = excluded.weekdays, next_run_at = excluded.next_run_at,
      updated_at = excluded.updated_at
    RETURNING *`,
  /** Both deletes in one statement, so they commit together. */
  delete: `WITH cards AS (DELETE FROM review_cards WHERE ${KEY} RETURNING 1),
      people AS (DELETE FROM reviewers WHERE ${KEY} RETURNING 1)
    SELECT (SELECT count(*) FROM cards) + (SELECT count(*) FROM people) AS n`,
  due: `SELECT * FROM reviewers WHERE next_run_at <= $1 AND platform = ANY($2)
    ORDER BY next_run_at, platform, workspace_id, user_id LIMIT $3`,
  /** Every card of a prompt in one statement: new ones inserted, existing ones opened again. */
  prompt: `INSERT INTO review_cards (platform, workspace_id, user_id, slug, due_at, fsrs, prompt_date, answered_date)
    SELECT $1, $2, $3, slug, due_at, fsrs, $4, NULL
    FROM unnest($5::text[], $6::timestamptz[], $7::text[]) AS c(slug, due_at, fsrs)
    ON CONFLICT (platform, workspace_id, user_id, slug) DO UPDATE
      SET answered_date = CASE WHEN review_cards.prompt_date = excluded.prompt_date
             THEN review_cards.answered_date END,
           prompt_date = excluded.prompt_date`,
  answer: `UPDATE review_cards SET due_at = coalesce($6, due_at), fsrs = coalesce($7, fsrs), answered_date = $5
    WHERE ${KEY} AND slug = $4 AND prompt_date = $5 AND answered_date IS NULL`,
} as const;

/** The review tables of the PostgreSQL store, over its `query` (which waits for the migrations). */
export function createPostgresReview(
  query: <R extends pg.QueryResultRow>(text: string, values: unknown[]) => Promise<pg.QueryResult<R>>,
): ReviewStore {
  const changed = async (text: string, values: unknown[]) => ((await query(text, values)).rowCount ?? 0) > 0;
  return {
    async upsertReviewer(input, now) {
      const { rows } = await query<ReviewerRow>(SQL.upsert, [
        ...key(input),
        input.time,
        input.timeZone,
        input.weekdays,
        input.nextRunAt,
        now,
      ]);
      if (!rows[0]) throw new Error('the reviewer vanished while it was saved');
      return rowToReviewer(rows[0]);
    },
    async getReviewer(k) {
      const { rows } = await query<ReviewerRow>(`SELECT * FROM reviewers WHERE ${KEY}`, key(k));
      return rows[0] ? rowToReviewer(rows[0]) : undefined;
    },
    async deleteReviewer(k) {
      const { rows } = await query<{ n: string }>(SQL.delete, key(k));
      return Number(rows[0]?.n ?? 0) > 0;
    },
    async dueReviewers(now, { platforms, limit }) {
      const { rows } = await query<ReviewerRow>(SQL.due, [now, [...platforms], limit]);
      return rows.map(rowToReviewer);
    },
    claimReview: (k, { from, to }) =>
      changed(`UPDATE reviewers SET next_run_at = $5 WHERE ${KEY} AND next_run_at = $4`, [
        ...key(k),
        from,
        to,
      ]),
    async listReviewCards(k) {
      const { rows } = await query<CardRow>(
        `SELECT slug, due_at, fsrs, prompt_date, answered_date FROM review_cards WHERE ${KEY} ORDER BY slug`,
        key(k),
      );
      return rows.map(rowToReviewCard);
    },
    async promptReviewCards(k, date, cards) {
      if (cards.length === 0) return;
      await query(SQL.prompt, [
        ...key(k),
        date,
        cards.map((card) => card.slug),
        cards.map((card) => card.dueAt),
        cards.map((card) => card.fsrs),
      ]);
    },
    answerReviewCard: (k, slug, date, next) =>
      changed(SQL.answer, [...key(k), slug, date, next?.dueAt ?? null, next?.fsrs ?? null]),
  };
}
