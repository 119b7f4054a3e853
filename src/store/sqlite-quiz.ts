import type Database from 'better-sqlite3';
import { type PersonRow, rowToPerson } from './quiz-person-row.js';
import type { QuizPerson, QuizPersonKey, QuizStore, Streak } from './quiz-store.js';

const PERSON = 'platform = @platform AND workspace_id = @workspaceId AND user_id = @userId';
const ANSWER = `${PERSON} AND question_id = @questionId AND round = @round`;

const personKey = (key: QuizPersonKey) => ({
  platform: key.platform,
  workspaceId: key.workspaceId,
  userId: key.userId,
});

/** The quiz's statements, prepared once the database is migrated. */
export function prepareQuiz(db: Database.Database) {
  const insertAnswer = db.prepare(
    `INSERT INTO quiz_answers (platform, workspace_id, user_id, question_id, round, pattern_slug, channel_id,
       choice, correct, local_date, answered_at)
     VALUES (@platform, @workspaceId, @userId, @questionId, @round, @patternSlug, @channelId, @option,
       @correct, @localDate, @at)
     ON CONFLICT DO NOTHING`,
  );
  const getAnswer = db.prepare<Record<string, unknown>, { choice: number; correct: number }>(
    `SELECT choice, correct FROM quiz_answers WHERE ${ANSWER}`,
  );
  const getPerson = db.prepare<Record<string, unknown>, PersonRow>(
    `SELECT * FROM quiz_people WHERE ${PERSON}`,
  );
  const savePerson = db.prepare(
    `INSERT INTO quiz_people (platform, workspace_id, user_id, score, answered, current_streak, best_streak, last_day)
     VALUES (@platform, @workspaceId, @userId, @score, @answered, @current, @best, @lastDay)
     ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET score = excluded.score,
       answered = excluded.answered, current_streak = excluded.current_streak,
       best_streak = excluded.best_streak, last_day = excluded.last_day`,
  );
  const history = db.prepare<
    Record<string, unknown>,
    { question_id: string; attempts: number; last_at: number; ever_correct: number; last_correct: number }
  >(
    `SELECT question_id, COUNT(*) AS attempts, MAX(answered_at) AS last_at, MAX(correct) AS ever_correct,
       (SELECT b.correct FROM quiz_answers b
         WHERE b.platform = a.platform AND b.workspace_id = a.workspace_id AND b.user_id = a.user_id
           AND b.question_id = a.question_id ORDER BY b.answered_at DESC LIMIT 1) AS last_correct
     FROM quiz_answers a WHERE ${PERSON} GROUP BY question_id`,
  );
  const leaders = db.prepare<Record<string, unknown>, { user_id: string; right: number; answered: number }>(
    `SELECT user_id, SUM(correct) AS right, COUNT(*) AS answered FROM quiz_answers
     WHERE platform = @platform AND workspace_id = @workspaceId AND channel_id = @channelId
     GROUP BY user_id ORDER BY right DESC, answered ASC, user_id LIMIT @limit`,
  );
  const tally = db.prepare<Record<string, unknown>, { answered: number; right: number | null }>(
    'SELECT COUNT(*) AS answered, SUM(correct) AS right FROM quiz_answers WHERE question_id = @questionId AND round = @round',
  );
  const record = db.transaction(
    (input: Parameters<QuizStore['recordQuizAnswer']>[0], advance: (s: Streak, d: string) => Streak) => {
      const params = {
        ...personKey(input),
        questionId: input.questionId,
        round: input.round,
        patternSlug: input.patternSlug,
        channelId: input.channelId,
        option: input.option,
        correct: input.correct ? 1 : 0,
        localDate: input.localDate,
        at: input.at.getTime(),
      };
      const before = rowToPerson(getPerson.get(personKey(input)));
      if (insertAnswer.run(params).changes === 0) {
        const earlier = getAnswer.get(params);
        return {
          recorded: false,
          option: earlier?.choice ?? input.option,
          correct: earlier ? earlier.correct === 1 : input.correct,
          person: before,
        };
      }
      const streak = input.correct ? advance(before.streak, input.localDate) : before.streak;
      const person: QuizPerson = {
        score: before.score + (input.correct ? 1 : 0),
        answered: before.answered + 1,
        streak,
      };
      savePerson.run({
        ...personKey(input),
        score: person.score,
        answered: person.answered,
        current: streak.current,
        best: streak.best,
        lastDay: streak.lastDay ?? null,
      });
      return { recorded: true, option: input.option, correct: input.correct, person };
    },
  );
  const scheduleReveal = db.prepare(
    `INSERT INTO quiz_reveals (platform, channel_id, local_date, question_id, round, message_id, reveal_at)
     VALUES (@platform, @channelId, @localDate, @questionId, @round, @messageId, @revealAt) ON CONFLICT DO NOTHING`,
  );
  const claimReveals = db.prepare<Record<string, unknown>, RevealRow>(
    `UPDATE quiz_reveals SET revealed_at = @now
     WHERE rowid IN (SELECT rowid FROM quiz_reveals WHERE revealed_at IS NULL AND reveal_at <= @now
       ORDER BY reveal_at LIMIT @limit)
     RETURNING *`,
  );
  return { record, getPerson, history, leaders, tally, scheduleReveal, claimReveals };
}

interface RevealRow {
  platform: 'slack' | 'discord';
  channel_id: string;
  local_date: string;
  question_id: string;
  round: string;
  message_id: string;
  reveal_at: number;
}

export type QuizStatements = ReturnType<typeof prepareQuiz>;

/** The quiz methods of the SQLite store, over its `run` (which waits for the database and retries locks). */
export function sqliteQuiz(run: <T>(work: (s: QuizStatements) => T) => Promise<T>): QuizStore {
  return {
    recordQuizAnswer: (input, advance) => run((s) => s.record.immediate(input, advance)),
    quizPerson: (key) => run((s) => rowToPerson(s.getPerson.get(personKey(key)))),
    quizHistory: (key) =>
      run((s) =>
        s.history.all(personKey(key)).map((row) => ({
          questionId: row.question_id,
          attempts: row.attempts,
          lastAt: row.last_at,
          everCorrect: row.ever_correct === 1,
          lastCorrect: row.last_correct === 1,
        })),
      ),
    quizLeaderboard: (where, limit) =>
      run((s) =>
        s.leaders
          .all({
            platform: where.platform,
            workspaceId: where.workspaceId,
            channelId: where.channelId,
            limit,
          })
          .map((row) => ({ userId: row.user_id, right: row.right, answered: row.answered })),
      ),
    scheduleQuizReveal: (reveal) =>
      run(
        (s) =>
          s.scheduleReveal.run({
            platform: reveal.platform,
            channelId: reveal.channelId,
            localDate: reveal.localDate,
            questionId: reveal.questionId,
            round: reveal.round,
            messageId: reveal.messageId,
            revealAt: reveal.revealAt.getTime(),
          }).changes === 1,
      ),
    claimQuizReveals: (now, limit) =>
      run((s) =>
        s.claimReveals
          .all({ now: now.getTime(), limit })
          .map((row) => ({
            platform: row.platform,
            channelId: row.channel_id,
            localDate: row.local_date,
            questionId: row.question_id,
            round: row.round,
            messageId: row.message_id,
            revealAt: new Date(row.reveal_at),
          }))
          .sort((a, b) => a.revealAt.getTime() - b.revealAt.getTime()),
      ),
    quizTally: (questionId, round) =>
      run((s) => {
        const row = s.tally.get({ questionId, round });
        return { answered: row?.answered ?? 0, right: row?.right ?? 0 };
      }),
  };
}
