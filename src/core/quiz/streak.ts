import { dayNumber } from '../pattern-of-the-day.js';

/** A person's run of days with at least one right answer, by local date (YYYY-MM-DD). */
export interface Streak {
  readonly current: number;
  readonly best: number;
  /** The last local date with a right answer. */
  readonly lastDay?: string;
}

export const NO_STREAK: Streak = { current: 0, best: 0 };

/**
 * The streak after a right answer on local date `day` (in the person's or channel's zone, so a day
 * is a calendar day there, whatever DST does to its length): the same day changes nothing, the next
 * day adds one, a gap starts again at 1. A day before the last one (a zone changed) changes nothing.
 */
export function advanceStreak(streak: Streak, day: string): Streak {
  if (streak.lastDay === undefined) return { current: 1, best: Math.max(1, streak.best), lastDay: day };
  const gap = dayNumber(day) - dayNumber(streak.lastDay);
  if (gap <= 0) return streak;
  const current = gap === 1 ? streak.current + 1 : 1;
  return { current, best: Math.max(current, streak.best), lastDay: day };
}

/** The streak as it stands on `today`: still alive through yesterday, else 0. */
export function currentStreak(streak: Streak, today: string): number {
  if (streak.lastDay === undefined) return 0;
  return dayNumber(today) - dayNumber(streak.lastDay) <= 1 ? streak.current : 0;
}
