import type { Bot } from '../core/bot.js';
import type { Action } from '../core/card/action.js';
import type { Card } from '../core/card/card.js';
import { problemCard } from '../core/card/problem-card.js';
import { reviewAnsweredCard } from '../core/card/review-card.js';
import { localDate } from '../daily/schedule.js';
import type { ReviewerKey, ReviewStore } from '../store/review-store.js';
import { gradeFsrsCard } from './fsrs-card.js';

export interface AnswerReviewDeps {
  readonly store: Pick<ReviewStore, 'getReviewer' | 'listReviewCards' | 'answerReviewCard'>;
  readonly bot: Pick<Bot, 'bySlug'>;
  readonly clock: () => Date;
}

/**
 * A click on Knew it / Not yet / Skip. Counted once: the store takes the answer only while the
 * card's prompt of that date is open, in one conditional write, so a double click (or two replicas
 * handling one) schedules the card once and the second click is told it was already counted.
 */
export async function answerReview(
  action: Extract<Action, { type: 'review' }>,
  key: ReviewerKey,
  deps: AnswerReviewDeps,
): Promise<Card> {
  const reviewer = await deps.store.getReviewer(key);
  if (!reviewer) return reviewAnsweredCard({ outcome: 'not-subscribed' });
  const pattern = deps.bot.bySlug(action.slug);
  if (!pattern) return problemCard('pattern-gone');
  const card = (await deps.store.listReviewCards(key)).find((row) => row.slug === action.slug);
  const already = reviewAnsweredCard({ outcome: 'already-answered', name: pattern.name });
  if (!card || card.promptDate !== action.date || card.answeredDate !== undefined) return already;
  const now = deps.clock();
  const next = action.grade === 'skip' ? undefined : gradeFsrsCard(card.fsrs, action.grade, now);
  if (!(await deps.store.answerReviewCard(key, action.slug, action.date, next))) return already;
  return reviewAnsweredCard({
    outcome: 'graded',
    slug: pattern.slug,
    name: pattern.name,
    grade: action.grade,
    ...(next ? { nextDate: localDate(next.dueAt, reviewer.timeZone) } : {}),
  });
}
