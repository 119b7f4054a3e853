import { foldText } from '../normalize.js';

/** What `quiz …` asks for. */
export type QuizCommand =
  /** A question, of one pattern or category when a topic is given. */
  | { readonly type: 'ask'; readonly topic?: string }
  /** The asker's own score, streaks and mastered patterns. */
  | { readonly type: 'stats' }
  /** The channel's leaderboard. */
  | { readonly type: 'top' };

const QUIZ = /^(?:\/?pattern\s+)?(?:quiz me|quiz|question)(?:\s+(.*))?$/;
const STATS = /^(?:stats|statistics|score|my score|mine)$/;
const TOP = /^(?:top|leaderboard|leaders|ranking|board)$/;

/** Reads `quiz`, `quiz saga`, `quiz data`, `quiz stats`, `quiz top`; undefined for anything else. */
export function parseQuizCommand(text: string): QuizCommand | undefined {
  const match = QUIZ.exec(foldText(text).replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const rest = (match[1] ?? '').replace(/^(?:on|about|of|for)\s+/, '').trim();
  if (rest === '') return { type: 'ask' };
  if (STATS.test(rest)) return { type: 'stats' };
  if (TOP.test(rest)) return { type: 'top' };
  return { type: 'ask', topic: rest };
}

const CHOICE = /^(?:answer|option|choose|pick)?\s*#?([1-4])\.?$/;

/** "2", "answer 2", "option 3": the 0-based option a person chose where there are no buttons (the console). */
export function parseAnswerChoice(text: string): number | undefined {
  const match = CHOICE.exec(text.trim().toLowerCase());
  return match?.[1] ? Number(match[1]) - 1 : undefined;
}
