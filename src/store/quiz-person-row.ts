import { EMPTY_PERSON, type QuizPerson } from './quiz-store.js';

/** A `quiz_people` row, as both backends read it. */
export interface PersonRow {
  score: number;
  answered: number;
  current_streak: number;
  best_streak: number;
  last_day: string | null;
}

export function rowToPerson(row: PersonRow | undefined): QuizPerson {
  if (!row) return EMPTY_PERSON;
  return {
    score: row.score,
    answered: row.answered,
    streak: {
      current: row.current_streak,
      best: row.best_streak,
      ...(row.last_day === null ? {} : { lastDay: row.last_day }),
    },
  };
}
