import type { Bot } from '../core/bot.js';
import { quizCard, withQuestion } from '../core/card/quiz-card.js';
import { dailyRound, questionOfTheDay } from '../core/quiz/question-of-the-day.js';
import { questionsBySlug, quizQuestions } from '../core/quiz/quiz-question.js';
import type { DailyQuiz } from '../daily/daily-quiz.js';
import type { QuizStore } from '../store/quiz-store.js';

/** The question of the day for the daily engine: the day's pattern's question, counted per channel and date. */
export function createDailyQuestion(options: {
  readonly bot: Pick<Bot, 'patterns'>;
  readonly store: Pick<QuizStore, 'quizTally'>;
  readonly revealAfterMs?: number;
}): DailyQuiz {
  const questions = quizQuestions(options.bot.patterns);
  const bySlug = questionsBySlug(questions);
  const byId = new Map(questions.map((question) => [question.id, question]));
  return {
    withQuestion(card, patternSlug, ref) {
      const question = questionOfTheDay(bySlug.get(patternSlug) ?? [], ref.localDate);
      if (!question) return undefined;
      const round = dailyRound(ref.platform, ref.channelId, ref.localDate);
      return { card: withQuestion(card, question, round), questionId: question.id, round };
    },
    async revealCard(reveal) {
      const question = byId.get(reveal.questionId);
      if (!question) return undefined;
      const tally = await options.store.quizTally(reveal.questionId, reveal.round);
      return quizCard({ kind: 'reveal', question, ...tally });
    },
    ...(options.revealAfterMs !== undefined ? { revealAfterMs: options.revealAfterMs } : {}),
  };
}
