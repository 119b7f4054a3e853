import type { QuizQuestion } from './quiz-question.js';

/** What a person has done with one question so far. */
export interface QuestionHistory {
  readonly questionId: string;
  readonly attempts: number;
  /** Whether their latest answer was right. */
  readonly lastCorrect: boolean;
  /** Whether any of their answers was right. */
  readonly everCorrect: boolean;
  /** When they last answered it (epoch ms). */
  readonly lastAt: number;
}

/**
 * The next question for a person: every question once before any repeats, easier patterns first
 * (`level`); once all are seen, the ones they last got wrong come back before the ones they got
 * right, each oldest first. Ties among unseen questions of a level are broken by `random`.
 */
export function pickQuestion(
  candidates: readonly QuizQuestion[],
  history: ReadonlyMap<string, QuestionHistory>,
  random: () => number = Math.random,
): QuizQuestion | undefined {
  const unseen = candidates.filter((question) => !history.has(question.id));
  if (unseen.length > 0) {
    const easiest = Math.min(...unseen.map((question) => question.level));
    const level = unseen.filter((question) => question.level === easiest);
    return level[Math.min(Math.floor(random() * level.length), level.length - 1)];
  }
  const rank = (question: QuizQuestion) => {
    const seen = history.get(question.id);
    return [seen?.lastCorrect ? 1 : 0, seen?.lastAt ?? 0] as const;
  };
  return [...candidates].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || a.id.localeCompare(b.id);
  })[0];
}

/** The patterns a person has mastered: every question of the pattern answered right at least once. */
export function masteredPatterns(
  bySlug: ReadonlyMap<string, readonly QuizQuestion[]>,
  history: ReadonlyMap<string, QuestionHistory>,
): string[] {
  return [...bySlug]
    .filter(
      ([, questions]) =>
        questions.length > 0 && questions.every((question) => history.get(question.id)?.everCorrect),
    )
    .map(([slug]) => slug);
}
