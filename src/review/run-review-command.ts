import type { ReviewAnswer, ReviewSchedule } from '../core/review/review-answer.js';
import {
  DEFAULT_REVIEW_TIME,
  DEFAULT_REVIEW_WEEKDAYS,
  type ReviewCommand,
} from '../core/review/review-command.js';
import { nextPostAt } from '../daily/schedule.js';
import type { Reviewer, ReviewerKey, ReviewStore } from '../store/review-store.js';
import { parseFsrsCard } from './fsrs-card.js';

/** Reviews default to UTC unless a zone is given (a person, unlike a channel, has no default zone of ours). */
export const DEFAULT_REVIEW_TIME_ZONE = 'UTC';
const DAY_MS = 86_400_000;

export interface ReviewCommandDeps {
  readonly store: Pick<ReviewStore, 'getReviewer' | 'upsertReviewer' | 'deleteReviewer' | 'listReviewCards'>;
  readonly clock: () => Date;
}

function schedule(reviewer: Reviewer): ReviewSchedule {
  return {
    time: reviewer.time,
    timeZone: reviewer.timeZone,
    weekdays: reviewer.weekdays,
    nextAt: reviewer.nextRunAt,
  };
}

/** Carries out a `review …` command for one person (a valid command; `invalid` is answered before). */
export async function runReviewCommand(
  command: Exclude<ReviewCommand, { type: 'invalid' }>,
  key: ReviewerKey,
  deps: ReviewCommandDeps,
): Promise<ReviewAnswer> {
  if (command.type === 'off') return { outcome: 'turned-off', deleted: await deps.store.deleteReviewer(key) };
  const existing = await deps.store.getReviewer(key);
  if (command.type === 'status') {
    if (!existing) return { outcome: 'status-off' };
    // Reviewed: answered Knew it or Not yet at least once (a Skip, or a prompt left open, is not).
    const cards = (await deps.store.listReviewCards(key)).filter(
      (card) => (parseFsrsCard(card.fsrs)?.reps ?? 0) > 0,
    ).length;
    return { outcome: 'status-on', schedule: schedule(existing), cards };
  }
  const now = deps.clock();
  const wanted = {
    time: command.time ?? existing?.time ?? DEFAULT_REVIEW_TIME,
    timeZone: command.timeZone ?? existing?.timeZone ?? DEFAULT_REVIEW_TIME_ZONE,
    weekdays: command.weekdays ?? existing?.weekdays ?? DEFAULT_REVIEW_WEEKDAYS,
  };
  const nextRunAt = nextPostAt(wanted, now) ?? new Date(now.getTime() + DAY_MS);
  const saved = await deps.store.upsertReviewer({ ...key, ...wanted, nextRunAt }, now);
  return { outcome: 'turned-on', schedule: schedule(saved) };
}
