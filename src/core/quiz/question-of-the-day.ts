import { dayNumber, hash } from '../pattern-of-the-day.js';
import type { QuizQuestion } from './quiz-question.js';

/** The question of the day: one of the day's pattern's questions, turning with the date. */
export function questionOfTheDay(
  questions: readonly QuizQuestion[],
  localDate: string,
): QuizQuestion | undefined {
  if (questions.length === 0) return undefined;
  return questions[dayNumber(localDate) % questions.length];
}

/** The posting of the question of the day in one channel on one date: its answers are counted under it. */
export function dailyRound(platform: string, channelId: string, localDate: string): string {
  return `d${hash(`${platform}:${channelId}:${localDate}`).toString(36)}`;
}
