import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import { createSqliteStore } from '../store/sqlite.js';
import { createQuiz, type Quiz } from './create-quiz.js';

/** The console's quiz: scores kept in memory for the session only (the console chat writes no file). */
export function createConsoleQuiz(
  bot: Bot,
  config: Pick<Config, 'dailyDefaultTimeZone' | 'quizLeaderboard'>,
): Quiz {
  return createQuiz({
    bot,
    store: createSqliteStore(':memory:'),
    defaultTimeZone: config.dailyDefaultTimeZone,
    leaderboard: config.quizLeaderboard,
  });
}
