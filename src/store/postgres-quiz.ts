import type pg from 'pg';
import { type PersonRow, rowToPerson } from './quiz-person-row.js';
import type { QuizPerson, QuizStore } from './quiz-store.js';

const PERSON = 'platform = $1 AND workspace_id = $2 AND user_id = $3';

export interface PostgresQuizDeps {
  query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs `work` in one transaction on one connection; rolls back and rethrows (as a StorageError) on failure. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

/** The quiz methods of the PostgreSQL store. */
export function postgresQuiz({ query, transaction }: PostgresQuizDeps): QuizStore {
  return {
    recordQuizAnswer: (input, advance) =>
      transaction(async (client) => {
        const key = [input.platform, input.workspaceId, input.userId];
        const inserted = await client.query(
          `INSERT INTO quiz_answers (platform, workspace_id, user_id, question_id, round, pattern_slug, channel_id,
             choice, correct, local_date, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          [
            ...key,
            input.questionId,
            input.round,
            input.patternSlug,
            input.channelId,
            input.option,
            input.correct,
            input.localDate,
            input.at,
          ],
        );
        if ((inserted.rowCount ?? 0) === 0) {
          const earlier = await client.query<{ choice: number; correct: boolean }>(
            `SELECT choice, correct FROM quiz_answers WHERE ${PERSON} AND question_id = $4 AND round = $5`,
            [...key, input.questionId, input.round],
          );
          const person = await client.query<PersonRow>(`SELECT * FROM quiz_people WHERE ${PERSON}`, key);
          const row = earlier.rows[0];
          return {
            recorded: false,
            option: row?.choice ?? input.option,
            correct: row?.correct ?? input.correct,
            person: rowToPerson(person.rows[0]),
          };
        }
        await client.query(
          `INSERT INTO quiz_people (platform, workspace_id, user_id, score, answered, current_streak, best_streak)
           VALUES ($1, $2, $3, 0, 0, 0, 0) ON CONFLICT DO NOTHING`,
          key,
        );
        const locked = await client.query<PersonRow>(
          `SELECT * FROM quiz_people WHERE ${PERSON} FOR UPDATE`,
          key,
        );
        const before = rowToPerson(locked.rows[0]);
        const streak = input.correct ? advance(before.streak, input.localDate) : before.streak;
        const person: QuizPerson = {
          score: before.score + (input.correct ? 1 : 0),
          answered: before.answered + 1,
          streak,
        };
        await client.query(
          `UPDATE quiz_people SET score = $4, answered = $5, current_streak = $6, best_streak = $7, last_day = $8
           WHERE ${PERSON}`,
          [...key, person.score, person.answered, streak.current, streak.best, streak.lastDay ?? null],
        );
        return { recorded: true, option: input.option, correct: input.correct, person };
      }),
    async quizPerson(key) {
      const { rows } = await query<PersonRow>(`SELECT * FROM quiz_people WHERE ${PERSON}`, [
        key.platform,
        key.workspaceId,
        key.userId,
      ]);
      return rowToPerson(rows[0]);
    },
    async quizHistory(key) {
      const { rows } = await query<{
        question_id: string;
        attempts: string;
        last_at: Date;
        ever_correct: boolean;
        last_correct: boolean;
      }>(
        `SELECT question_id, COUNT(*) AS attempts, MAX(answered_at) AS last_at, BOOL_OR(correct) AS ever_correct,
           (ARRAY_AGG(correct ORDER BY answered_at DESC))[1] AS last_correct
         FROM quiz_answers WHERE ${PERSON} GROUP BY question_id`,
        [key.platform, key.workspaceId, key.userId],
      );
      return rows.map((row) => ({
        questionId: row.question_id,
        attempts: Number(row.attempts),
        lastAt: row.last_at.getTime(),
        everCorrect: row.ever_correct,
        lastCorrect: row.last_correct,
      }));
    },
    async quizLeaderboard(where, limit) {
      const { rows } = await query<{ user_id: string; right: string; answered: string }>(
        `SELECT user_id, COUNT(*) FILTER (WHERE correct) AS right, COUNT(*) AS answered FROM quiz_answers
         WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3
         GROUP BY user_id ORDER BY 2 DESC, 3 ASC, user_id LIMIT $4`,
        [where.platform, where.workspaceId, where.channelId, limit],
      );
      return rows.map((row) => ({
        userId: row.user_id,
        right: Number(row.right),
        answered: Number(row.answered),
      }));
    },
    async scheduleQuizReveal(reveal) {
      const { rowCount } = await query(
        `INSERT INTO quiz_reveals (platform, channel_id, local_date, question_id, round, message_id, reveal_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          reveal.platform,
          reveal.channelId,
          reveal.localDate,
          reveal.questionId,
          reveal.round,
          reveal.messageId,
          reveal.revealAt,
        ],
      );
      return (rowCount ?? 0) > 0;
    },
    async claimQuizReveals(now, limit) {
      // SKIP LOCKED: replicas claiming at once each take other rows; each row is returned once.
      const { rows } = await query<{
        platform: 'slack' | 'discord';
        channel_id: string;
        local_date: string;
        question_id: string;
        round: string;
        message_id: string;
        reveal_at: Date;
      }>(
        `UPDATE quiz_reveals SET revealed_at = $1
         WHERE (platform, channel_id, local_date) IN (
           SELECT platform, channel_id, local_date FROM quiz_reveals
           WHERE revealed_at IS NULL AND reveal_at <= $1 ORDER BY reveal_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, limit],
      );
      return rows
        .map((row) => ({
          platform: row.platform,
          channelId: row.channel_id,
          localDate: row.local_date,
          questionId: row.question_id,
          round: row.round,
          messageId: row.message_id,
          revealAt: row.reveal_at,
        }))
        .sort((a, b) => a.revealAt.getTime() - b.revealAt.getTime());
    },
    async quizTally(questionId, round) {
      const { rows } = await query<{ answered: string; right: string }>(
        `SELECT COUNT(*) AS answered, COUNT(*) FILTER (WHERE correct) AS right FROM quiz_answers
         WHERE question_id = $1 AND round = $2`,
        [questionId, round],
      );
      return { answered: Number(rows[0]?.answered ?? 0), right: Number(rows[0]?.right ?? 0) };
    },
  };
}
