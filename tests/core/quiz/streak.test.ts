import { describe, expect, it } from 'vitest';
import { localDate } from '../../../src/core/pattern-of-the-day.js';
import { advanceStreak, currentStreak, NO_STREAK, type Streak } from '../../../src/core/quiz/streak.js';

/** The streak after right answers at these instants, with days counted in `zone`. */
function streakAt(zone: string, instants: readonly string[]): Streak {
  return instants.reduce((streak, at) => advanceStreak(streak, localDate(new Date(at), zone)), NO_STREAK);
}

describe('streaks of days with a right answer', () => {
  it('starts at 1, stays within a day, grows day by day, and restarts after a gap', () => {
    let streak = advanceStreak(NO_STREAK, '2026-12-01');
    expect(streak).toEqual({ current: 1, best: 1, lastDay: '2026-12-01' });
    streak = advanceStreak(streak, '2026-12-01');
    expect(streak.current).toBe(1);
    streak = advanceStreak(advanceStreak(streak, '2026-12-02'), '2026-12-03');
    expect(streak).toEqual({ current: 3, best: 3, lastDay: '2026-12-03' });
    streak = advanceStreak(streak, '2026-12-05');
    expect(streak).toEqual({ current: 1, best: 3, lastDay: '2026-12-05' });
    // A day before the last (the channel's zone changed): nothing changes.
    expect(advanceStreak(streak, '2026-12-04')).toBe(streak);
  });

  it('counts across month and year ends', () => {
    expect(advanceStreak({ current: 4, best: 4, lastDay: '2026-12-31' }, '2027-01-01').current).toBe(5);
    expect(advanceStreak({ current: 1, best: 1, lastDay: '2028-02-28' }, '2028-02-29').current).toBe(2);
  });

  it('is alive through yesterday and 0 after that', () => {
    const streak = { current: 3, best: 5, lastDay: '2026-12-03' };
    expect(currentStreak(streak, '2026-12-03')).toBe(3);
    expect(currentStreak(streak, '2026-12-04')).toBe(3);
    expect(currentStreak(streak, '2026-12-05')).toBe(0);
    expect(currentStreak(NO_STREAK, '2026-12-05')).toBe(0);
  });

  it('counts calendar days in the zone: the same two answers are one day in Berlin and two in New York', () => {
    // 23:30 and 00:30 UTC: two days in UTC; in Berlin (UTC+1) both fall on the 2nd; in New York on the 1st.
    const answers = ['2026-12-01T23:30:00Z', '2026-12-02T00:30:00Z'];
    expect(streakAt('UTC', answers).current).toBe(2);
    expect(streakAt('Europe/Berlin', answers).current).toBe(1);
    expect(streakAt('America/New_York', answers).current).toBe(1);
    // 22:30 and 23:30 UTC: one day in UTC, two in Berlin (23:30 and 00:30 there).
    expect(streakAt('UTC', ['2026-12-01T22:30:00Z', '2026-12-01T23:30:00Z']).current).toBe(1);
    expect(streakAt('Europe/Berlin', ['2026-12-01T22:30:00Z', '2026-12-01T23:30:00Z']).current).toBe(2);
    // Kolkata is UTC+5:30: 18:40 UTC is already the next day there.
    expect(streakAt('Asia/Kolkata', ['2026-12-01T10:00:00Z', '2026-12-01T18:40:00Z']).current).toBe(2);
  });

  it('keeps a streak across the DST changes, when a day has 23 or 25 hours', () => {
    // Europe/Berlin springs forward on 2026-03-29 (a 23-hour day) and falls back on 2026-10-25 (25 hours).
    // One answer late each evening, local time: 23:30 CET is 22:30 UTC, 23:30 CEST is 21:30 UTC.
    const spring = ['2026-03-28T22:30:00Z', '2026-03-29T21:30:00Z', '2026-03-30T21:30:00Z'];
    expect(streakAt('Europe/Berlin', spring)).toMatchObject({ current: 3, lastDay: '2026-03-30' });
    const autumn = ['2026-10-24T21:30:00Z', '2026-10-25T22:30:00Z', '2026-10-26T22:30:00Z'];
    expect(streakAt('Europe/Berlin', autumn)).toMatchObject({ current: 3, lastDay: '2026-10-26' });
    // Early each morning in New York across its spring change (2026-03-08): 00:30 EST, then 00:30 EDT.
    const newYork = ['2026-03-07T05:30:00Z', '2026-03-08T05:30:00Z', '2026-03-09T04:30:00Z'];
    expect(streakAt('America/New_York', newYork)).toMatchObject({ current: 3, lastDay: '2026-03-09' });
    // Counting 24-hour periods instead would break here: 23 hours apart, yet two calendar days.
    expect(streakAt('Europe/Berlin', ['2026-03-28T23:30:00Z', '2026-03-29T22:30:00Z'])).toMatchObject({
      current: 2,
    });
  });
});
