import type { QuestionHistory } from '../core/quiz/pick-question.js';
import type { Streak } from '../core/quiz/streak.js';

export type { QuestionHistory, Streak };

/** Who answers: all that is kept about a person is this key and their answers. */
export interface QuizPersonKey {
  readonly platform: 'slack' | 'discord' | 'console';
  /** Slack team or Discord guild; '' where there is none (a DM, the console). */
  readonly workspaceId: string;
  readonly userId: string;
}

/** One click on an answer button. */
export interface QuizAnswerInput extends QuizPersonKey {
  /** `<slug>~<hash>` of the question as it is in the catalog. */
  readonly questionId: string;
  /** Which posting of the question (each person answers a posting once). */
  readonly round: string;
  readonly patternSlug: string;
  /** Where it was answered, for the channel's leaderboard; '' where there is none. */
  readonly channelId: string;
  readonly option: number;
  readonly correct: boolean;
  /** The local date (YYYY-MM-DD) of the answer, in the zone streaks are counted in. */
  readonly localDate: string;
  readonly at: Date;
}

/** A person's totals. */
export interface QuizPerson {
  /** Right answers. */
  readonly score: number;
  readonly answered: number;
  readonly streak: Streak;
}

export interface QuizRecorded {
  /** False when this person had already answered this posting (a double click): nothing changed. */
  readonly recorded: boolean;
  /** The answer that counts: this one, or the earlier one. */
  readonly option: number;
  readonly correct: boolean;
  readonly person: QuizPerson;
}

/** One row of a channel's leaderboard. */
export interface QuizLeader {
  readonly userId: string;
  /** Right answers given in this channel. */
  readonly right: number;
  readonly answered: number;
}

/** How a posting of a question went. */
export interface QuizTally {
  readonly answered: number;
  readonly right: number;
}

export const EMPTY_PERSON: QuizPerson = { score: 0, answered: 0, streak: { current: 0, best: 0 } };

/**
 * The quiz's part of the store. Each person answers a posting once: a unique key on
 * (platform, workspace, user, question, round) decides, in the database, which click counts.
 */
export interface QuizStore extends QuizRevealStore {
  /**
   * Records an answer and, if it is new, the person's score and streak in the same transaction
   * (`advance` is the streak rule). A second answer to the same posting changes nothing.
   */
  recordQuizAnswer(
    input: QuizAnswerInput,
    advance: (streak: Streak, day: string) => Streak,
  ): Promise<QuizRecorded>;
  quizPerson(key: QuizPersonKey): Promise<QuizPerson>;
  /** The person's record per question they have answered. */
  quizHistory(key: QuizPersonKey): Promise<QuestionHistory[]>;
  /** The people who answered in a channel, most right answers first. */
  quizLeaderboard(
    where: Pick<QuizPersonKey, 'platform' | 'workspaceId'> & { readonly channelId: string },
    limit: number,
  ): Promise<QuizLeader[]>;
  quizTally(questionId: string, round: string): Promise<QuizTally>;
}

/** A question of the day posted in a channel, whose answer is to follow in the post's thread. */
export interface QuizReveal {
  readonly platform: 'slack' | 'discord';
  readonly channelId: string;
  readonly localDate: string;
  readonly questionId: string;
  readonly round: string;
  /** The daily post: its thread gets the answer. */
  readonly messageId: string;
  readonly revealAt: Date;
}

/** The question of the day's part of the store: each reveal is claimed once, across processes. */
export interface QuizRevealStore {
  /** Records a reveal to come; a second record of the same post changes nothing. */
  scheduleQuizReveal(reveal: QuizReveal): Promise<boolean>;
  /** Claims the reveals due at `now` (at most `limit`), each for exactly one caller, oldest first. */
  claimQuizReveals(now: Date, limit: number): Promise<QuizReveal[]>;
}
