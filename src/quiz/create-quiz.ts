import type { ActInput, ActResult, AskInput, Platform } from '../conversation/types.js';
import type { Bot } from '../core/bot.js';
import type { QuizAction } from '../core/card/action.js';
import { sharedBy } from '../core/card/answer-to-card.js';
import type { Card } from '../core/card/card.js';
import { quizCard } from '../core/card/quiz-card.js';
import { localDate } from '../core/pattern-of-the-day.js';
import { masteredPatterns, pickQuestion, type QuestionHistory } from '../core/quiz/pick-question.js';
import type { QuizCommand } from '../core/quiz/quiz-command.js';
import { totalsOf } from '../core/quiz/quiz-outcome.js';
import {
  type QuizQuestion,
  questionKey,
  questionsBySlug,
  quizQuestions,
} from '../core/quiz/quiz-question.js';
import { quizTopic } from '../core/quiz/quiz-topic.js';
import { advanceStreak, currentStreak } from '../core/quiz/streak.js';
import type { QuizPersonKey, QuizStore } from '../store/quiz-store.js';

/** How many people a leaderboard lists. */
export const LEADERBOARD_SIZE = 10;

export interface QuizOptions {
  readonly bot: Bot;
  readonly store: QuizStore;
  /** The zone streak days are counted in when the channel has none of its own. */
  readonly defaultTimeZone: string;
  /** The channel's own zone (its daily subscription's), when it has one. */
  readonly timeZoneOf?: (platform: Platform, channelId: string) => Promise<string | undefined>;
  /** `QUIZ_LEADERBOARD=off`: no ranking. */
  readonly leaderboard: boolean;
  readonly clock?: () => Date;
  readonly random?: () => number;
}

/** Where a person asks or clicks. */
interface Place {
  readonly platform: Platform;
  readonly userId?: string;
  readonly workspaceId?: string;
  readonly channelId?: string;
}

export interface Quiz {
  /** `quiz …` typed or sent as a command. */
  ask(command: QuizCommand, input: AskInput): Promise<Card>;
  /** A click on an answer or "post for the channel" button. */
  act(action: QuizAction, input: ActInput): Promise<ActResult>;
  /** A question for `slugs` (or any), picked for nobody in particular: the question of the day. */
  questionFor(seed: number): QuizQuestion | undefined;
  byId(id: string): QuizQuestion | undefined;
}

/** The console has one person and no workspace. */
function personOf(place: Place): QuizPersonKey {
  return {
    platform: place.platform,
    workspaceId: place.workspaceId ?? '',
    userId: place.userId ?? 'console',
  };
}

/**
 * The quiz: questions from the catalog, picked for the asker from their history; answers recorded
 * once per person and posting in the store; stats and the channel's leaderboard. All wording is
 * `quizCard`'s.
 */
export function createQuiz(options: QuizOptions): Quiz {
  const { bot, store } = options;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const questions = quizQuestions(bot.patterns);
  const byId = new Map(questions.map((question) => [question.id, question]));
  const bySlug = questionsBySlug(questions);

  async function today(place: Place): Promise<string> {
    const zone =
      (place.channelId && place.platform !== 'console'
        ? await options.timeZoneOf?.(place.platform, place.channelId)
        : undefined) ?? options.defaultTimeZone;
    return localDate(clock(), zone);
  }

  async function history(person: QuizPersonKey): Promise<Map<string, QuestionHistory>> {
    return new Map((await store.quizHistory(person)).map((entry) => [entry.questionId, entry]));
  }

  async function ask(command: QuizCommand, input: AskInput): Promise<Card> {
    const person = personOf(input);
    switch (command.type) {
      case 'ask': {
        const patterns = quizTopic(bot, command.topic);
        const slugs = new Set((patterns ?? []).map((pattern) => pattern.slug));
        const candidates = questions.filter((question) => slugs.has(question.slug));
        const question = pickQuestion(candidates, await history(person), random);
        if (!question)
          return quizCard({ kind: 'no-questions', ...(command.topic ? { topic: command.topic } : {}) });
        return quizCard({ kind: 'question', question, round: clock().getTime().toString(36) });
      }
      case 'stats': {
        const [record, seen, day] = [
          await store.quizPerson(person),
          await history(person),
          await today(input),
        ];
        const mastered = masteredPatterns(bySlug, seen).flatMap((slug) => bot.bySlug(slug) ?? []);
        return quizCard({
          kind: 'stats',
          totals: totalsOf(record, currentStreak(record.streak, day)),
          mastered,
          patternsWithQuestions: bySlug.size,
        });
      }
      case 'top': {
        if (!options.leaderboard) return quizCard({ kind: 'top-off' });
        const leaders = await store.quizLeaderboard(
          { platform: person.platform, workspaceId: person.workspaceId, channelId: input.channelId ?? '' },
          LEADERBOARD_SIZE,
        );
        return quizCard({ kind: 'top', leaders });
      }
    }
  }

  async function act(action: QuizAction, input: ActInput): Promise<ActResult> {
    const question = byId.get(questionKey(action.slug, action.hash));
    if (!question) return { type: 'notice', card: quizCard({ kind: 'gone' }) };
    if (action.type === 'quiz-post') {
      return {
        type: 'share',
        card: sharedBy(quizCard({ kind: 'question', question, round: action.round }), input.userId),
      };
    }
    if (action.option >= question.item.options.length)
      return { type: 'notice', card: quizCard({ kind: 'gone' }) };
    const day = await today(input);
    const person = personOf(input);
    const recorded = await store.recordQuizAnswer(
      {
        ...person,
        questionId: question.id,
        round: action.round,
        patternSlug: question.slug,
        channelId: input.channelId ?? '',
        option: action.option,
        correct: action.option === question.item.answer,
        localDate: day,
        at: clock(),
      },
      advanceStreak,
    );
    const card = quizCard({
      kind: 'result',
      question,
      chosen: recorded.option,
      correct: recorded.correct,
      repeat: !recorded.recorded,
      totals: totalsOf(recorded.person, currentStreak(recorded.person.streak, day)),
    });
    return { type: 'show', card };
  }

  return {
    ask,
    act,
    questionFor: (seed) => (questions.length > 0 ? questions[Math.abs(seed) % questions.length] : undefined),
    byId: (id) => byId.get(id),
  };
}
