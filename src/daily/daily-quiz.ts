import type { Card } from '../core/card/card.js';
import type { QuizReveal } from '../store/quiz-store.js';
import type { DeliveryRef } from './subscription.js';

export type { QuizReveal };

/** What the daily engine needs of the quiz for a question of the day (`daily on quiz`). */
export interface DailyQuiz {
  /** The day's card ending with the question, and what names it; undefined when the day's pattern has none. */
  withQuestion(
    card: Card,
    patternSlug: string,
    ref: DeliveryRef,
  ): { readonly card: Card; readonly questionId: string; readonly round: string } | undefined;
  /** The answer for the post's thread (the answer, why, how many answered and were right); undefined if gone. */
  revealCard(reveal: QuizReveal): Promise<Card | undefined>;
  /** How long after the post the answer follows; undefined: at the channel's next post. */
  readonly revealAfterMs?: number;
}
