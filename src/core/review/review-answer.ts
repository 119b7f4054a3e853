import type { ReviewProblem } from './review-command.js';

/** How a person rated their recall of one card: the three buttons of a review. */
export type ReviewGrade = 'knew' | 'not-yet' | 'skip';

export interface ReviewSchedule {
  readonly time: string;
  readonly timeZone: string;
  readonly weekdays: number;
  /** The next review DM, when one is scheduled. */
  readonly nextAt?: Date;
}

/** The outcome of a `review …` command, as data; `reviewCard` words it. */
export type ReviewAnswer =
  | { readonly outcome: 'invalid'; readonly problems: readonly ReviewProblem[] }
  /** Asked where no DM can be sent (the console), or where no platform delivers reviews. */
  | { readonly outcome: 'unavailable' }
  | { readonly outcome: 'status-off' }
  | { readonly outcome: 'status-on'; readonly schedule: ReviewSchedule; readonly cards: number }
  | { readonly outcome: 'turned-on'; readonly schedule: ReviewSchedule }
  /** `deleted`: whether there was review data, now deleted. */
  | { readonly outcome: 'turned-off'; readonly deleted: boolean };

/** One pattern in a review DM. */
export interface ReviewItem {
  readonly slug: string;
  readonly name: string;
  readonly category: string;
}

/** The review DM: the cards that are due on `date` (the local date of the person's zone). */
export interface ReviewPrompt {
  readonly date: string;
  readonly items: readonly ReviewItem[];
  /** Cards due beyond the ones shown (they come in a later review). */
  readonly moreDue: number;
}

/** What a click on a review button did. */
export type ReviewAnswered =
  | {
      readonly outcome: 'graded';
      readonly slug: string;
      readonly name: string;
      readonly grade: ReviewGrade;
      /** The local date from which it is due again (not for Skip). */
      readonly nextDate?: string;
    }
  /** A second click on the same prompt, or a prompt replaced by a newer one. */
  | { readonly outcome: 'already-answered'; readonly name: string }
  /** The person turned review off (or never had it). */
  | { readonly outcome: 'not-subscribed' };
