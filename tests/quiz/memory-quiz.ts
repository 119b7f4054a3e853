import type { Bot } from '../../src/core/bot.js';
import { createQuiz, type Quiz } from '../../src/quiz/create-quiz.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { realBot } from '../helpers/catalog.js';

/** A quiz over the real catalog and an in-memory SQLite store, easiest question first, on a fixed clock. */
export function memoryQuiz(options: { bot?: Bot; now?: Date; store?: Store } = {}): {
  quiz: Quiz;
  store: Store;
} {
  const store = options.store ?? createSqliteStore(':memory:');
  const now = options.now ?? new Date('2026-12-04T12:00:00Z');
  const quiz = createQuiz({
    bot: options.bot ?? realBot(),
    store,
    clock: () => now,
    defaultTimeZone: 'UTC',
    leaderboard: true,
    random: () => 0,
  });
  return { quiz, store };
}
