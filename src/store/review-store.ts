import type { DailyPlatform } from '../daily/poster.js';

/**
 * Who a review belongs to: platform, workspace and user, and nothing else about the person. On
 * Discord user IDs are global and a DM has no guild, so its workspace is always '' (see `reviewerKey`).
 */
export interface ReviewerKey {
  readonly platform: DailyPlatform;
  readonly workspaceId: string;
  readonly userId: string;
}

/** A person's review schedule. */
export interface ReviewerInput extends ReviewerKey {
  readonly time: string;
  readonly timeZone: string;
  readonly weekdays: number;
  /** When the next review DM is due. */
  readonly nextRunAt: Date;
}

export interface Reviewer extends ReviewerInput {
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The scheduling state of one pattern for one person. */
export interface ReviewCardRow {
  readonly slug: string;
  readonly dueAt: Date;
  /** The ts-fsrs card, serialised by `src/review/fsrs-card.ts`. */
  readonly fsrs: string;
  /** The local date of the last review DM that held this card. */
  readonly promptDate?: string;
  /** Set once that prompt is answered (Knew it, Not yet or Skip). */
  readonly answeredDate?: string;
}

export type ReviewCardUpdate = Pick<ReviewCardRow, 'slug' | 'dueAt' | 'fsrs'>;

/** The review part of the `Store` (both backends; `tests/store/contract.ts` holds them to it). */
export interface ReviewStore {
  /** Creates or replaces a person's review schedule. */
  upsertReviewer(input: ReviewerInput, now: Date): Promise<Reviewer>;
  getReviewer(key: ReviewerKey): Promise<Reviewer | undefined>;
  /** Deletes the person's schedule and every card of theirs, in one transaction; true if there was any. */
  deleteReviewer(key: ReviewerKey): Promise<boolean>;
  /** Reviewers of these platforms whose `nextRunAt` is at or before `now`, from an index, oldest first. */
  dueReviewers(
    now: Date,
    options: { platforms: readonly DailyPlatform[]; limit: number },
  ): Promise<Reviewer[]>;
  /**
   * Claims a review run, atomically across processes: moves `nextRunAt` from `from` to `to`; true
   * for the one caller that moved it, false for everyone else (or if the schedule changed).
   */
  claimReview(key: ReviewerKey, move: { from: Date; to: Date }): Promise<boolean>;
  listReviewCards(key: ReviewerKey): Promise<ReviewCardRow[]>;
  /**
   * Records that the review DM of local date `date` holds these cards: new ones are created with
   * the state given, existing ones keep theirs; each is open for one answer (a card already answered
   * in a prompt of the same date, sent again after a failure, stays answered).
   */
  promptReviewCards(key: ReviewerKey, date: string, cards: readonly ReviewCardUpdate[]): Promise<void>;
  /**
   * Records the answer to a card of the prompt of `date`, once: true for the first answer (and
   * `next`, when given, becomes its state), false for a repeat, or a prompt since replaced.
   */
  answerReviewCard(
    key: ReviewerKey,
    slug: string,
    date: string,
    next: Omit<ReviewCardUpdate, 'slug'> | undefined,
  ): Promise<boolean>;
}
