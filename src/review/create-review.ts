import type { Bot } from '../core/bot.js';
import type { Action } from '../core/card/action.js';
import type { Card } from '../core/card/card.js';
import type { ReviewAnswer } from '../core/review/review-answer.js';
import type { ReviewCommand } from '../core/review/review-command.js';
import type { DailyPlatform } from '../daily/poster.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { answerReview } from './answer-review.js';
import {
  createReviewScheduler,
  type ReviewScheduler,
  type ReviewSchedulerOptions,
} from './review-scheduler.js';
import type { ReviewSender } from './review-sender.js';
import { reviewerKey } from './reviewer-key.js';
import { runReviewCommand } from './run-review-command.js';

/** Who asked or clicked, as the conversation knows it. */
export interface ReviewPerson {
  readonly platform: DailyPlatform;
  readonly workspaceId?: string;
  readonly userId: string;
}

/** What the conversation hands `review …` commands and review clicks to. */
export interface ReviewCommands {
  run(command: Exclude<ReviewCommand, { type: 'invalid' }>, person: ReviewPerson): Promise<ReviewAnswer>;
  answer(action: Extract<Action, { type: 'review' }>, person: ReviewPerson): Promise<Card>;
}

export interface Review {
  readonly commands: ReviewCommands;
  /** The scheduler over the adapters' senders: built once the adapters exist. */
  scheduler(senders: readonly ReviewSender[]): ReviewScheduler;
}

/** Spaced review over the store the daily engine opened (one store per process). */
export function createReview(options: {
  store: Store;
  bot: Bot;
  logger: Logger;
  clock?: () => Date;
  scheduler?: Pick<ReviewSchedulerOptions, 'tickPattern'>;
}): Review {
  const { store, bot, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const key = (person: ReviewPerson) => reviewerKey(person.platform, person.workspaceId, person.userId);
  return {
    commands: {
      run: (command, person) => runReviewCommand(command, key(person), { store, clock }),
      answer: (action, person) => answerReview(action, key(person), { store, bot, clock }),
    },
    scheduler: (senders) =>
      createReviewScheduler({ store, senders, bot, clock, logger, ...options.scheduler }),
  };
}
