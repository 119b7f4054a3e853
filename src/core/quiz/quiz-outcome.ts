import type { Pattern } from '../pattern.js';
import type { QuizQuestion } from './quiz-question.js';
import type { Streak } from './streak.js';

/** A person's totals as the cards show them (the streak as it stands today). */
export interface QuizTotals {
  readonly score: number;
  readonly answered: number;
  readonly currentStreak: number;
  readonly bestStreak: number;
}

/** What a quiz command or click came to. The wording of each is `quizCard`'s. */
export type QuizOutcome =
  /** A question with its answer buttons; `round` names this posting. */
  | { readonly kind: 'question'; readonly question: QuizQuestion; readonly round: string }
  /** No question fits the topic asked for (or the catalog has none). */
  | { readonly kind: 'no-questions'; readonly topic?: string }
  /** The clicker's answer: right or wrong, why; `repeat` when they had answered this posting already. */
  | {
      readonly kind: 'result';
      readonly question: QuizQuestion;
      readonly chosen: number;
      readonly correct: boolean;
      readonly repeat: boolean;
      readonly totals: QuizTotals;
    }
  /** A click on a question that has changed or left the catalog. */
  | { readonly kind: 'gone' }
  | {
      readonly kind: 'stats';
      readonly totals: QuizTotals;
      readonly mastered: readonly Pattern[];
      /** How many patterns have questions at all. */
      readonly patternsWithQuestions: number;
    }
  | { readonly kind: 'top'; readonly leaders: readonly { userId: string; right: number; answered: number }[] }
  | { readonly kind: 'top-off' }
  /** The answer to a question of the day, in its thread: how many answered, how many were right. */
  | {
      readonly kind: 'reveal';
      readonly question: QuizQuestion;
      readonly answered: number;
      readonly right: number;
    };

export function totalsOf(
  person: { score: number; answered: number; streak: Streak },
  current: number,
): QuizTotals {
  return {
    score: person.score,
    answered: person.answered,
    currentStreak: current,
    bestStreak: person.streak.best,
  };
}
